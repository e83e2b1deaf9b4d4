using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// Counts the WebSocket streams this instance holds open, in all and per client address, against
/// <see cref="DirectLineOptions.MaxOpenStreams"/> and <see cref="DirectLineOptions.MaxStreamsPerClientAddress"/>.
/// Each open socket holds a connection, a buffer and a subscription for as long as the visitor stays: without a cap,
/// one address could open sockets until the instance runs out of them. Counts are per instance (several instances
/// behind a load balancer allow up to N times the figures). A conversation has one stream per instance anyway (a new
/// one replaces the old, "collision"), so a token cannot hold more.
/// </summary>
public sealed class StreamLimits(IOptions<DirectLineOptions> options)
{
    private readonly DirectLineOptions _options = options.Value;
    private readonly Dictionary<string, int> _perAddress = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _open;

    /// <summary>Streams open on this instance now.</summary>
    public int OpenStreams
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>
    /// Takes a place for a stream from <paramref name="clientAddress"/>; the lease gives it back when disposed. A stream
    /// that replaces its conversation's open stream on this instance (<paramref name="replacesOpenStream"/>: a reload, a
    /// reconnect) is always admitted: the one it replaces closes at once, so the count is back where it was.
    /// </summary>
    public StreamAdmission TryOpen(string clientAddress, bool replacesOpenStream)
    {
        lock (_gate)
        {
            if (!replacesOpenStream && _options.MaxOpenStreams > 0 && _open >= _options.MaxOpenStreams)
            {
                return new StreamAdmission(StreamRefusal.InstanceFull, null);
            }

            _perAddress.TryGetValue(clientAddress, out var fromAddress);
            if (!replacesOpenStream && _options.MaxStreamsPerClientAddress > 0 && fromAddress >= _options.MaxStreamsPerClientAddress)
            {
                return new StreamAdmission(StreamRefusal.AddressFull, null);
            }

            _perAddress[clientAddress] = fromAddress + 1;
            _open++;
            return new StreamAdmission(StreamRefusal.None, new Lease(this, clientAddress));
        }
    }

    private void Release(string clientAddress)
    {
        lock (_gate)
        {
            _open--;
            if (_perAddress.TryGetValue(clientAddress, out var fromAddress) && fromAddress > 1)
            {
                _perAddress[clientAddress] = fromAddress - 1;
            }
            else
            {
                _perAddress.Remove(clientAddress);
            }
        }
    }

    private sealed class Lease(StreamLimits limits, string clientAddress) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limits.Release(clientAddress);
            }
        }
    }
}

/// <summary>Why a stream was refused, if it was.</summary>
public enum StreamRefusal
{
    None,

    /// <summary>This instance holds <see cref="DirectLineOptions.MaxOpenStreams"/> streams already.</summary>
    InstanceFull,

    /// <summary>The client address holds <see cref="DirectLineOptions.MaxStreamsPerClientAddress"/> streams on this instance already.</summary>
    AddressFull,
}

/// <summary>The outcome of <see cref="StreamLimits.TryOpen"/>: a lease to dispose when the stream ends, or the refusal.</summary>
public readonly record struct StreamAdmission(StreamRefusal Refusal, IDisposable? Lease);
