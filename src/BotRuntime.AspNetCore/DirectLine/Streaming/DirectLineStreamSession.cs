using System.Buffers;
using System.Net.WebSockets;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.AspNetCore.DirectLine.Wire;

namespace BotRuntime.AspNetCore.DirectLine.Streaming;

/// <summary>
/// Serves one conversation's WebSocket: replays the history after the watermark, then sends each new activity set
/// as a text frame, an empty frame as keep-alive when idle, and ignores what the client sends (directlinejs pings with
/// empty strings). Ends when the client closes, the host stops, or a newer stream replaces it ("collision").
/// </summary>
public sealed class DirectLineStreamSession(
    WebSocket socket,
    IConversationHistoryStore store,
    StreamSubscription subscription,
    long watermark,
    int maxActivitiesPerSet,
    TimeSpan keepAliveInterval,
    TimeProvider time)
{
    private readonly ArrayBufferWriter<byte> _frame = new(4096);
    private long _watermark = watermark;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Waiting stops on any of: host stopping, client gone, replaced. Socket calls use only the first two, because
        // cancelling a socket call aborts the connection, and a replaced stream should still close politely.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, subscription.Replaced);
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = DrainClientAsync(stopReceiving.Token, stop);
        try
        {
            if (!await SendNewActivitiesAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            Task<bool>? waitForSignal = null;
            while (!stop.IsCancellationRequested)
            {
                waitForSignal ??= subscription.Signals.WaitToReadAsync(stop.Token).AsTask();
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var keepAlive = Task.Delay(keepAliveInterval, time, idle.Token);
                var first = await Task.WhenAny(waitForSignal, keepAlive).ConfigureAwait(false);
                await idle.CancelAsync().ConfigureAwait(false);

                if (first == keepAlive)
                {
                    if (stop.IsCancellationRequested)
                    {
                        break;
                    }

                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!await waitForSignal.ConfigureAwait(false))
                {
                    break;
                }

                waitForSignal = null;
                var read = false;
                while (subscription.Signals.TryRead(out var signal))
                {
                    if (signal.TransientActivity is { } transient)
                    {
                        _frame.ResetWrittenCount();
                        ActivitySetWriter.WriteTransient(_frame, transient, _watermark);
                        await SendFrameAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        // A notice for what this stream has already sent (the same append heard from this instance
                        // and from the shared notification) costs no read; an unknown watermark always reads.
                        read |= signal.Watermark == 0 || signal.Watermark > _watermark;
                    }
                }

                // A wake-up re-reads the store from this stream's watermark, so a dropped or repeated signal never
                // loses or repeats a stored activity.
                if (read && !await SendNewActivitiesAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Client gone, host stopping, or replaced: handled below.
        }
        catch (WebSocketException)
        {
            // The connection broke; the client reconnects with its watermark and gets the rest then.
        }
        catch (BotRuntime.Storage.StorageUnavailableException)
        {
            // A shared history that cannot be reached now: the stream closes and the client reconnects from its
            // watermark (directlinejs waits a few seconds first), missing nothing.
        }
        finally
        {
            await CloseAsync(subscription.Replaced.IsCancellationRequested).ConfigureAwait(false);
            try
            {
                // Give the client a moment to answer the close frame, then stop reading regardless.
                await receiving.WaitAsync(TimeSpan.FromSeconds(2), time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await stopReceiving.CancelAsync().ConfigureAwait(false);
                await receiving.ConfigureAwait(false);
            }
        }
    }

    /// <returns>False when the conversation no longer exists.</returns>
    private async Task<bool> SendNewActivitiesAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await store.ReadAsync(subscription.ConversationId, _watermark, maxActivitiesPerSet, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                return false;
            }

            if (page.Activities.Count == 0)
            {
                return true;
            }

            _watermark = page.Watermark;
            _frame.ResetWrittenCount();
            ActivitySetWriter.Write(_frame, page.Activities, page.Watermark);
            await SendFrameAsync(cancellationToken).ConfigureAwait(false);
            if (!page.HasMore)
            {
                return true;
            }
        }
    }

    private Task SendFrameAsync(CancellationToken cancellationToken) =>
        socket.SendAsync(_frame.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();

    /// <summary>Reads and discards client frames until the client closes, then stops the session.</summary>
    private async Task DrainClientAsync(CancellationToken cancellationToken, CancellationTokenSource stop)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            try
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task CloseAsync(bool replaced)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await socket.CloseOutputAsync(
                replaced ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.NormalClosure,
                replaced ? "collision" : null,
                timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing more to tell a client that is already gone.
        }
    }
}
