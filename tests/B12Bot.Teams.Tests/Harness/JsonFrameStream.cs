using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// Reads one of the playground's WebSockets (the conversation stream the chat UI renders from, or the log panel's
/// stream) into an append-only, ordered list of JSON frames that tests wait on. Frames are kept in arrival order, so
/// "everything before frame N" is a stable cut.
/// </summary>
public sealed class JsonFrameStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly List<JsonNode> _frames = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private TaskCompletionSource _changed = NewSignal();
    private Exception? _failure;

    private JsonFrameStream(ClientWebSocket socket, string name)
    {
        _socket = socket;
        Name = name;
        _reader = Task.Run(ReadAsync);
    }

    public string Name { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _frames.Count;
            }
        }
    }

    public static async Task<JsonFrameStream> ConnectAsync(Uri url, string name, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(url, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new JsonFrameStream(socket, name);
    }

    public IReadOnlyList<JsonNode> Snapshot()
    {
        lock (_lock)
        {
            return [.. _frames];
        }
    }

    /// <summary>
    /// Waits for the first frame at or after <paramref name="fromIndex"/> that matches, and returns its index.
    /// Throws <see cref="TimeoutException"/> (with <paramref name="describe"/> for context) when none arrives in time.
    /// </summary>
    public async Task<int> WaitForAsync(int fromIndex, Func<JsonNode, bool> match, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var next = fromIndex;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                for (; next < _frames.Count; next++)
                {
                    if (match(_frames[next]))
                    {
                        return next;
                    }
                }

                if (_failure is not null)
                {
                    throw new InvalidOperationException($"The playground's {Name} stream closed: {_failure.Message}\n{describe()}", _failure);
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Nothing expected arrived on the playground's {Name} stream within {timeout.TotalSeconds:0} s.\n{describe()}");
            }
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), _stop.Token);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("closed by the playground");
                }

                JsonNode? frame;
                try
                {
                    frame = JsonNode.Parse(buffer.WrittenSpan);
                }
                catch (JsonException)
                {
                    continue;
                }

                if (frame is not null)
                {
                    Append(frame);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or InvalidOperationException)
        {
            Fail(ex);
        }
    }

    private void Append(JsonNode frame)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _frames.Add(frame);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private void Fail(Exception ex)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _failure = ex;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }

        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
    }
}
