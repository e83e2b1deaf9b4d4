using System.Diagnostics.Metrics;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Builder;
using BotRuntime.Storage;

namespace B12Bot.Admin;

/// <summary>
/// Feeds the dashboard from the same measurements as the OpenTelemetry metrics (the "B12Bot" meter and the turn
/// duration of the "BotRuntime" meter), counted per UTC day in memory and added to the stored daily totals every
/// <see cref="AdminOptions.FlushInterval"/> and at shutdown. It starts after the warm-up turn (hosted services start in
/// order), so that turn is not counted. Only tags are read: they are fixed words, never message text.
/// </summary>
public sealed partial class DashboardAggregator(
    DashboardTotalsStore store,
    AdminOptions options,
    TimeProvider time,
    ILogger<DashboardAggregator> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private Dictionary<DateOnly, DailyTally> _pending = [];
    private MeterListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == B12BotTelemetry.MeterName
                    || (instrument.Meter.Name == TurnTelemetryMiddleware.MeterName && instrument.Name == "bot.turn.duration"))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.Start();
        _stopping = new CancellationTokenSource();
        _loop = FlushLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _listener?.Dispose();
        _listener = null;
        if (_stopping is not null)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds what this instance counted since the last flush to the stored totals (kept for the next try if the store is down).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Dictionary<DateOnly, DailyTally> taken;
            lock (_gate)
            {
                (taken, _pending) = (_pending, []);
            }

            foreach (var (day, counts) in taken)
            {
                try
                {
                    await store.AddAsync(day, counts, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is StorageUnavailableException or EtagConflictException or OperationCanceledException)
                {
                    LogFlushFailed(day, ex.GetType().Name);
                    lock (_gate)
                    {
                        PendingFor(day).Add(counts);
                    }

                    if (ex is OperationCanceledException)
                    {
                        throw;
                    }
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task FlushLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var count = (long)value;
        lock (_gate)
        {
            var tally = PendingFor(day);
            switch (instrument)
            {
                case "b12bot.conversations":
                    tally.Conversations += count;
                    break;
                case "b12bot.questions":
                    DailyTally.Increment(tally.Questions, Tag(tags, "outcome"), count);
                    break;
                case "b12bot.escalations":
                    DailyTally.Increment(tally.Escalations, Tag(tags, "class"), count);
                    break;
                case "b12bot.walkthrough":
                    var walkthroughEvent = Tag(tags, "event");
                    DailyTally.Increment(tally.Walkthroughs, walkthroughEvent, count);
                    if (walkthroughEvent == "finished")
                    {
                        DailyTally.Increment(tally.WalkthroughOutcomes, Tag(tags, "outcome"), count);
                    }

                    break;
                case "b12bot.handoffs":
                    DailyTally.Increment(tally.Handoffs, Tag(tags, "event"), count);
                    break;
                case "b12bot.handoff.wait":
                    DailyTally.Increment(tally.HandoffWaitSeconds, LogBuckets.KeyOf(value));
                    break;
                case "bot.turn.duration":
                    DailyTally.Increment(tally.TurnMilliseconds, LogBuckets.KeyOf(value));
                    break;
            }
        }
    }

    private DailyTally PendingFor(DateOnly day)
    {
        if (!_pending.TryGetValue(day, out var tally))
        {
            _pending[day] = tally = new DailyTally();
        }

        return tally;
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string ?? "unknown";
            }
        }

        return "unknown";
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _stopping?.Dispose();
        _flushing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard totals for {Day} could not be saved ({ExceptionType}); kept for the next flush")]
    private partial void LogFlushFailed(DateOnly day, string exceptionType);
}
