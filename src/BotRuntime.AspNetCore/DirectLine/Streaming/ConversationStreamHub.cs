using System.Collections.Concurrent;

namespace BotRuntime.AspNetCore.DirectLine.Streaming;

/// <summary>
/// Tells a conversation's WebSocket that something new is there to send. One stream per conversation: a new
/// subscription replaces the old one, which closes with reason "collision" (the newest tab or reload wins).
/// The hub holds this process's streams only: with a history shared by several instances, the store's notifications
/// (e.g. PostgreSQL LISTEN/NOTIFY) reach the other instances' hubs, and <see cref="IConversationStreamRelay"/> carries
/// live-only activities there.
/// </summary>
public sealed class ConversationStreamHub
{
    private readonly ConcurrentDictionary<string, StreamSubscription> _subscriptions = new(StringComparer.Ordinal);

    public int ActiveStreams => _subscriptions.Count;

    /// <summary>Whether the conversation has a stream on this instance (that a new one would replace).</summary>
    public bool HasStream(string conversationId) => _subscriptions.ContainsKey(conversationId);

    public StreamSubscription Subscribe(string conversationId)
    {
        var subscription = new StreamSubscription(this, conversationId);
        _subscriptions.AddOrUpdate(
            conversationId,
            subscription,
            (_, previous) =>
            {
                previous.Replace();
                return subscription;
            });
        return subscription;
    }

    /// <summary>New activities were stored for the conversation, up to <paramref name="watermark"/> (0 = not known).</summary>
    public void NotifyAppended(string conversationId, long watermark = 0)
    {
        if (_subscriptions.TryGetValue(conversationId, out var subscription))
        {
            subscription.Post(StreamSignal.Appended(watermark));
        }
    }

    /// <summary>
    /// Every stream re-reads its history: after notifications may have been missed (a shared notification connection
    /// that was lost and is back), so that no stored activity waits for the next one to be seen.
    /// </summary>
    public void NotifyAll()
    {
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Post(StreamSignal.Appended(0));
        }
    }

    /// <summary>An activity that is streamed live but not stored (typing).</summary>
    public void PublishTransient(string conversationId, ReadOnlyMemory<byte> activityJson)
    {
        if (_subscriptions.TryGetValue(conversationId, out var subscription))
        {
            subscription.Post(new StreamSignal(activityJson));
        }
    }

    internal void Remove(StreamSubscription subscription) =>
        _subscriptions.TryRemove(new KeyValuePair<string, StreamSubscription>(subscription.ConversationId, subscription));
}
