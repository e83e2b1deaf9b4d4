using BotRuntime.AspNetCore.DirectLine.Wire;

namespace BotRuntime.AspNetCore.DirectLine.Tokens;

/// <summary>Where the page's token endpoint gets a token for a new visitor: this host's channel, or Azure Direct Line.</summary>
public interface IWebChatTokenSource
{
    /// <summary>A token for a new conversation, or null when the token service cannot be reached.</summary>
    Task<WebChatToken?> CreateAsync(CancellationToken cancellationToken);
}
