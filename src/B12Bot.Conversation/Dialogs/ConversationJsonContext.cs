using System.Text.Json.Serialization;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// Source-generated JSON for the bot's own state types, so saving and loading state needs no reflection (added to the
/// state JSON by <see cref="B12ConversationServiceCollectionExtensions.AddB12Conversation(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, string)"/>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SymptomCheckProgress))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class ConversationJsonContext : JsonSerializerContext;
