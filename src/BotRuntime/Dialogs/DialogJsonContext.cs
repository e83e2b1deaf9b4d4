using System.Text.Json.Serialization;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;

namespace BotRuntime.Dialogs;

/// <summary>
/// Source-generated JSON metadata for everything the dialog system keeps in conversation state, so saving and
/// loading a dialog stack needs no reflection. Added to the state JSON by <c>AddBotState</c>.
/// </summary>
// Metadata mode: the serialization fast path would resolve object-typed values (step values, options) against this context
// alone; metadata mode lets them go through every resolver of the state JSON options.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DialogState))]
[JsonSerializable(typeof(DialogInstance))]
[JsonSerializable(typeof(List<DialogInstance>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(IDictionary<string, object>))]
[JsonSerializable(typeof(PromptOptions))]
[JsonSerializable(typeof(Choice))]
[JsonSerializable(typeof(List<Choice>))]
[JsonSerializable(typeof(IList<Choice>))]
[JsonSerializable(typeof(FoundChoice))]
[JsonSerializable(typeof(FoundValue))]
[JsonSerializable(typeof(ListStyle))]
[JsonSerializable(typeof(DateTimeResolution))]
[JsonSerializable(typeof(List<DateTimeResolution>))]
[JsonSerializable(typeof(IList<DateTimeResolution>))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class DialogJsonContext : JsonSerializerContext;
