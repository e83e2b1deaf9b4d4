using BotRuntime.AspNetCore.Connector;
using BotRuntime.Schema;
using BotRuntime.Teams;

namespace BotRuntime.AspNetCore.Teams;

/// <summary>
/// Holds each send to a Teams conversation until <see cref="ConversationRateLimiter"/> gives it a slot, so the bot stays
/// under Teams' per-conversation limits instead of earning 429s. It sits in the Bot Connector's HttpClient and reads
/// the channel and conversation the connector client puts on each request (<see cref="ConnectorRequestOptions"/>);
/// requests for other channels, updates and deletes pass straight through.
/// </summary>
public sealed class TeamsSendPacingHandler(ConversationRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post
            && request.Options.TryGetValue(ConnectorRequestOptions.ChannelId, out var channelId) && channelId == Channels.Msteams
            && request.Options.TryGetValue(ConnectorRequestOptions.ConversationId, out var conversationId) && !string.IsNullOrEmpty(conversationId))
        {
            await limiter.WaitAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
