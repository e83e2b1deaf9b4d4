using System.Text.Json.Serialization;

namespace BotRuntime.AspNetCore.DirectLine.Wire;

/// <summary>
/// The Direct Line <c>Conversation</c> object: the answer to token generate/refresh (no streamUrl), start and reconnect.
/// </summary>
public sealed class ConversationInfo
{
    public string? ConversationId { get; set; }

    public string? Token { get; set; }

    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; set; }

    public string? StreamUrl { get; set; }
}
