using B12Bot.Conversation.Handoff;
using BotRuntime.AspNetCore.Connector;
using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.AspNetCore.DirectLine.Streaming;
using BotRuntime.Schema;
using Microsoft.Extensions.Options;

namespace B12Bot.Handoff;

/// <summary>
/// Proactive messages to the visitor. On the bot's own Direct Line channel they are appended to the conversation's
/// history and pushed to its stream, exactly as the bot's replies are; on any other channel they go through the Bot
/// Connector to the serviceUrl the visitor came from.
/// </summary>
public sealed class DirectLineVisitorMessenger(
    IConversationHistoryStore history,
    ConversationStreamHub hub,
    BotConnectorClient connector,
    IOptions<DirectLineOptions> directLine,
    TimeProvider time) : IVisitorMessenger
{
    public async Task SendAsync(HandoffSession session, IReadOnlyList<Activity> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var options = directLine.Value;
        var bot = new ChannelAccount(options.BotId, options.BotName, RoleTypes.Bot);
        var user = new ChannelAccount(session.VisitorUserId ?? string.Empty, null, RoleTypes.User);
        if (string.Equals(session.VisitorChannelId, options.ChannelId, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var message in messages)
            {
                message.Timestamp = time.GetUtcNow();
                message.ChannelId = options.ChannelId;
                message.Conversation = new ConversationAccount(session.VisitorConversationId);
                message.From = bot;
                message.Recipient = user;
            }

            if (await history.AppendAsync(session.VisitorConversationId, messages, cancellationToken).ConfigureAwait(false) is not null)
            {
                hub.NotifyAppended(session.VisitorConversationId);
            }

            return;
        }

        foreach (var message in messages)
        {
            message.ChannelId = session.VisitorChannelId;
            message.ServiceUrl = session.VisitorServiceUrl;
            message.Conversation = new ConversationAccount(session.VisitorConversationId);
            message.From = bot;
            message.Recipient = user;
            await connector.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }
}
