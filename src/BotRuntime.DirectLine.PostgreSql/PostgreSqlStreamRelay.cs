using BotRuntime.AspNetCore.DirectLine.Streaming;

namespace BotRuntime.DirectLine.PostgreSql;

/// <summary>
/// A live-only activity (typing) goes to this instance's stream at once and, by NOTIFY, to the other instances, one of
/// which may hold the visitor's WebSocket. Best effort, as typing is on the Direct Line service.
/// </summary>
public sealed class PostgreSqlStreamRelay(ConversationStreamHub hub, PostgreSqlConversationHistoryStore store) : IConversationStreamRelay
{
    public async ValueTask PublishTransientAsync(string conversationId, ReadOnlyMemory<byte> activityJson, CancellationToken cancellationToken)
    {
        hub.PublishTransient(conversationId, activityJson);
        if (StreamNotice.Transient(store.InstanceId, conversationId, activityJson.Span) is { } payload)
        {
            await store.NotifyAsync(payload, cancellationToken).ConfigureAwait(false);
        }
    }
}
