using System.Text.Json.Serialization;

namespace BotRuntime.AspNetCore.DirectLine.Wire;

/// <summary>What the page's token endpoint returns: a token for one new conversation, and the user it names.</summary>
public sealed class WebChatToken
{
    public string? Token { get; set; }

    public string? ConversationId { get; set; }

    public string? UserId { get; set; }

    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; set; }
}
