using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotRuntime.AspNetCore.DirectLine.Wire;

/// <summary>Source-generated JSON for the Direct Line wire types, with the same conventions as the activity schema.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConversationInfo))]
[JsonSerializable(typeof(ConversationParametersBody))]
[JsonSerializable(typeof(PostActivityResponse))]
[JsonSerializable(typeof(WebChatToken))]
[JsonSerializable(typeof(WebChatConfig))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;
