using System.Diagnostics;

namespace B12Bot.LoadTest;

/// <summary>Drives a workload closed-loop (each connection sends its next turn when the last is answered: saturation)
/// or open-loop (a fixed offered rate, whatever the replies do, latency measured from each send).</summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> ClosedLoopAsync(HttpClient[] instances, BotChannel channel, Workload workload, int connections, TimeSpan duration, long firstIndex)
    {
        var clock = Stopwatch.StartNew();
        var perWorker = new List<double>[connections];
        var errors = 0;
        var carriedThrough = 0;
        var next = firstIndex;
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var latencies = perWorker[worker] = new List<double>(100_000);
            // Each worker is one visitor at a time: turns of its conversation, so state is loaded and saved every turn;
            // a new conversation when the workload's conversation is over (or a turn failed).
            LoadConversation? conversation = null;
            while (clock.Elapsed < duration)
            {
                var index = Interlocked.Increment(ref next);
                // With several instances, consecutive turns of one conversation go to different instances.
                var client = instances[index % instances.Length];
                var started = Stopwatch.GetTimestamp();
                var outcome = await TryTurnAsync(client, channel, workload, conversation, index).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                conversation = outcome.Continue;
                if (!outcome.Succeeded)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (outcome.CarriedThrough)
                {
                    Interlocked.Increment(ref carriedThrough);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var shape = $"closed loop, {connections} connections" + (instances.Length > 1 ? $", turns alternating over {instances.Length} instances" : "");
        return new LoadResult(perWorker.SelectMany(l => l).Order().ToArray(), errors, clock.Elapsed, shape, [], Interlocked.Read(ref next))
        {
            CarriedThrough = workload.FinalReplyMarker is null ? null : carriedThrough,
        };
    }

    public static async Task<LoadResult> OpenLoopAsync(HttpClient[] instances, BotChannel channel, Workload workload, double rate, int visitors, TimeSpan duration, long firstIndex)
    {
        if (channel is not MessagesChannel || workload.TurnsPerConversation is > 1 and < int.MaxValue)
        {
            throw new ArgumentException("The open loop sends FAQ turns to /api/messages only (a walkthrough or a Direct Line conversation needs its turns in order).");
        }

        var total = (long)(rate * duration.TotalSeconds);
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var latencies = new double[total];
        var lateness = new double[total];
        var errors = 0;
        var sends = new List<Task>((int)total);
        var returning = Enumerable.Range(0, visitors).Select(v => new LoadConversation($"open-{v}-{Guid.NewGuid():N}")).ToArray();
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < total; i++)
        {
            var due = start + (long)(i * ticksPerRequest);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                // Sleep rather than spin: the generator shares two cores with the bot. Timers wake ~1 ms late, and
                // every send that fell due meanwhile goes at once; lateness is reported beside the latencies.
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency)).ConfigureAwait(false);
            }

            var slot = i;
            lateness[slot] = Math.Max(0, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            sends.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var conversation = workload.TurnsPerConversation == 1 ? null : returning[slot % visitors];
                var outcome = await TryTurnAsync(instances[slot % instances.Length], channel, workload, conversation, firstIndex + slot).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Array.Sort(lateness);
        var over = workload.TurnsPerConversation == 1 ? "every turn a new conversation" : $"over {visitors} conversations";
        return new LoadResult(latencies.Order().ToArray(), errors, elapsed, $"open loop, offered {rate:F0} turns/s {over}", lateness, firstIndex + total);
    }

    /// <summary>One turn (starting the conversation first when there is none); which conversation the next turn continues.</summary>
    private static async Task<TurnOutcome> TryTurnAsync(HttpClient client, BotChannel channel, Workload workload, LoadConversation? conversation, long index)
    {
        try
        {
            if (workload.IsHealthCheck)
            {
                return new TurnOutcome(await Workload.HealthCheckAsync(client, CancellationToken.None).ConfigureAwait(false), false, null);
            }

            conversation ??= await channel.StartAsync(client, index, CancellationToken.None).ConfigureAwait(false);
            var turn = conversation.Turns++;
            var replies = await channel.SendAsync(client, conversation, workload.Text(index, turn), CancellationToken.None).ConfigureAwait(false);
            if (replies is null)
            {
                return new TurnOutcome(false, false, null);
            }

            if (conversation.Turns < workload.TurnsPerConversation)
            {
                return new TurnOutcome(true, false, conversation);
            }

            // The conversation's last turn: it counts only if its replies show the whole conversation was kept.
            var carried = workload.FinalReplyMarker is null || replies.Contains(workload.FinalReplyMarker, StringComparison.Ordinal);
            return new TurnOutcome(carried, carried && workload.FinalReplyMarker is not null, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new TurnOutcome(false, false, null);
        }
    }

    private readonly record struct TurnOutcome(bool Succeeded, bool CarriedThrough, LoadConversation? Continue);
}

internal sealed record LoadResult(double[] SortedLatencies, int Errors, TimeSpan Elapsed, string Shape, double[] SortedLateness, long NextIndex)
{
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];

    /// <summary>Conversations whose last turn showed they were kept whole (the walkthrough's summary), or null.</summary>
    public int? CarriedThrough { get; init; }

    public void Print(string workload, string channel)
    {
        Console.WriteLine($"workload: {workload}; {channel}; {Shape}; {Environment.ProcessorCount} cores shared with the load generator");
        Console.WriteLine($"requests: {SortedLatencies.Length}, errors: {Errors}, throughput: {SortedLatencies.Length / Elapsed.TotalSeconds:F0} turns/s"
            + (CarriedThrough is { } carried ? $", conversations carried through to the end: {carried}" : ""));
        Console.WriteLine($"latency ms: p50 {Percentile(SortedLatencies, 0.50):F2}  p90 {Percentile(SortedLatencies, 0.90):F2}  p99 {Percentile(SortedLatencies, 0.99):F2}  p99.9 {Percentile(SortedLatencies, 0.999):F2}  max {SortedLatencies.LastOrDefault():F2}");
        if (SortedLateness.Length > 0)
        {
            Console.WriteLine($"generator send lateness ms (not in the latencies above): p50 {Percentile(SortedLateness, 0.50):F2}  p99 {Percentile(SortedLateness, 0.99):F2}  max {SortedLateness.LastOrDefault():F2}");
        }
    }
}
