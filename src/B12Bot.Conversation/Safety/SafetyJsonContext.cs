using System.Text.Json.Serialization;

namespace B12Bot.Conversation.Safety;

/// <summary>Source-generated JSON for the Teams notification channel data of the urgent-care message.</summary>
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, bool>>))]
internal sealed partial class SafetyJsonContext : JsonSerializerContext;
