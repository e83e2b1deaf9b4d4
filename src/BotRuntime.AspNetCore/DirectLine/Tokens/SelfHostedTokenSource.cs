using BotRuntime.AspNetCore.DirectLine.Wire;

namespace BotRuntime.AspNetCore.DirectLine.Tokens;

/// <summary>Tokens from this host's own channel: a new conversation id and a "dl_" user, both sealed in the token.</summary>
public sealed class SelfHostedTokenSource(DirectLineTokenService tokens) : IWebChatTokenSource
{
    public Task<WebChatToken?> CreateAsync(CancellationToken cancellationToken)
    {
        var conversationId = DirectLineIds.NewConversationId();
        var userId = DirectLineIds.NewUserId();
        return Task.FromResult<WebChatToken?>(new WebChatToken
        {
            ConversationId = conversationId,
            UserId = userId,
            Token = tokens.Issue(conversationId, userId),
            ExpiresIn = (int)tokens.NewTokenLifetime.TotalSeconds,
        });
    }
}
