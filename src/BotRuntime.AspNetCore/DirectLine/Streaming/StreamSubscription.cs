using System.Threading.Channels;

namespace BotRuntime.AspNetCore.DirectLine.Streaming;

/// <summary>
/// One WebSocket's view of its conversation: a small queue of wake-ups (the oldest are dropped when a client is slow;
/// history is re-read from the store on every wake-up, so nothing stored is lost) and a token that fires when a newer
/// stream for the same conversation takes over.
/// </summary>
public sealed class StreamSubscription : IDisposable
{
    private readonly ConversationStreamHub _hub;
    private readonly Channel<StreamSignal> _signals = Channel.CreateBounded<StreamSignal>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource _replaced = new();

    internal StreamSubscription(ConversationStreamHub hub, string conversationId)
    {
        _hub = hub;
        ConversationId = conversationId;
    }

    public string ConversationId { get; }

    public ChannelReader<StreamSignal> Signals => _signals.Reader;

    /// <summary>Cancelled when another stream for this conversation replaced this one.</summary>
    public CancellationToken Replaced => _replaced.Token;

    internal void Post(StreamSignal signal) => _signals.Writer.TryWrite(signal);

    internal void Replace()
    {
        try
        {
            _replaced.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream had already ended.
        }
    }

    public void Dispose()
    {
        _hub.Remove(this);
        _signals.Writer.TryComplete();
        _replaced.Dispose();
    }
}
