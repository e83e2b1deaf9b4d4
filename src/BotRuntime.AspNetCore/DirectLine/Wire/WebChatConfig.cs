namespace BotRuntime.AspNetCore.DirectLine.Wire;

/// <summary>The page's configuration (<c>GET /webchat/config</c>): where to get a token and which Direct Line to use.</summary>
public sealed class WebChatConfig
{
    /// <summary>The Direct Line base URL including /v3/directline.</summary>
    public required string Domain { get; init; }

    /// <summary>The URL the page POSTs to for a token.</summary>
    public required string TokenUrl { get; init; }

    public bool WebSocket { get; init; }

    public int PollingInterval { get; init; }

    public string? BotName { get; init; }

    public string? Locale { get; init; }

    /// <summary>True when the page talks to this host's own channel (so it can refresh and resume through it).</summary>
    public bool SelfHosted { get; init; }
}
