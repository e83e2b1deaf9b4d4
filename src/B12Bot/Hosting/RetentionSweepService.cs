using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.Builder;
using BotRuntime.Storage;
using Microsoft.Extensions.Options;

namespace B12Bot.Hosting;

/// <summary>
/// Keeps the chat page's promise: every <see cref="BotStateStorageOptions.SweepInterval"/> it removes conversation and
/// user state and Direct Line history idle for longer than <see cref="BotStateStorageOptions.IdleTimeout"/>, from every
/// store that can expire (<see cref="IExpiringStore"/>: the state provider, the history store and any registered one).
/// </summary>
public sealed partial class RetentionSweepService(
    IStorage state,
    IConversationHistoryStore history,
    IEnumerable<IExpiringStore> others,
    IOptions<BotStateStorageOptions> options,
    TimeProvider time,
    ILogger<RetentionSweepService> logger) : BackgroundService
{
    private readonly IExpiringStore[] _stores = [.. new object[] { state, history }.Concat(others).OfType<IExpiringStore>().Distinct()];

    /// <summary>Sweeps completed since start (tests wait on it instead of on the clock).</summary>
    public int CompletedSweeps => Volatile.Read(ref _completed);

    private int _completed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var idleSince = time.GetUtcNow() - options.Value.IdleTimeout;
        var removed = 0;
        foreach (var store in _stores)
        {
            try
            {
                removed += await store.RemoveIdleAsync(idleSince, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store that is down now is swept next time; the host stays up.
                LogSweepFailed(store.GetType().Name, ExceptionLogText.TypeAndStack(ex));
            }
        }

        Interlocked.Increment(ref _completed);
        if (removed > 0)
        {
            LogSwept(removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep removed {Count} idle item(s)")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep of {Store} failed: {TypeAndStack}")]
    private partial void LogSweepFailed(string store, string typeAndStack);
}
