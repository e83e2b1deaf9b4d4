using System.Collections.Concurrent;

namespace BotRuntime.AspNetCore.DirectLine.Streaming;

/// <summary>
/// Tells a conversation's WebSocket that something new is there to send. One stream per conversation: a new
/// subscription replaces the old one, which closes with reason "collision" (the newest tab or reload wins).
/// In-process only; instances that share a history store would need a shared notification instead.
/// </summary>
public sealed class ConversationStreamHub
{
    private readonly ConcurrentDictionary<string, StreamSubscription> _subscriptions = new(StringComparer.Ordinal);

    public int ActiveStreams => _subscriptions.Count;

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

    /// <summary>New activities were stored for the conversation.</summary>
    public void NotifyAppended(string conversationId)
    {
        if (_subscriptions.TryGetValue(conversationId, out var subscription))
        {
            subscription.Post(StreamSignal.Appended);
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
