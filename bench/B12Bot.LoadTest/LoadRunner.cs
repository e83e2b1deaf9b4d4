using System.Diagnostics;

namespace B12Bot.LoadTest;

/// <summary>Drives a workload closed-loop (each connection sends its next turn when the last is answered: saturation)
/// or open-loop (a fixed offered rate, whatever the replies do, latency measured from each send).</summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> ClosedLoopAsync(HttpClient client, Workload workload, int connections, TimeSpan duration, long firstIndex)
    {
        var clock = Stopwatch.StartNew();
        var perWorker = new List<double>[connections];
        var errors = 0;
        var next = firstIndex;
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var latencies = perWorker[worker] = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                // Each worker is one visitor: turns of one conversation, so state is loaded and saved every turn.
                var index = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                if (!await TrySendAsync(client, workload, index, $"load-{worker}").ConfigureAwait(false))
                {
                    Interlocked.Increment(ref errors);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return new LoadResult(perWorker.SelectMany(l => l).Order().ToArray(), errors, clock.Elapsed, $"closed loop, {connections} connections", [], Interlocked.Read(ref next));
    }

    public static async Task<LoadResult> OpenLoopAsync(HttpClient client, Workload workload, double rate, int visitors, TimeSpan duration, long firstIndex)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var latencies = new double[total];
        var lateness = new double[total];
        var errors = 0;
        var sends = new List<Task>((int)total);
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
                if (!await TrySendAsync(client, workload, firstIndex + slot, $"open-{slot % visitors}").ConfigureAwait(false))
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Array.Sort(lateness);
        return new LoadResult(latencies.Order().ToArray(), errors, elapsed, $"open loop, offered {rate:F0} turns/s over {visitors} conversations", lateness, firstIndex + total);
    }

    private static async Task<bool> TrySendAsync(HttpClient client, Workload workload, long index, string conversationId)
    {
        try
        {
            return await workload.SendAsync(client, index, conversationId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

internal sealed record LoadResult(double[] SortedLatencies, int Errors, TimeSpan Elapsed, string Shape, double[] SortedLateness, long NextIndex)
{
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];

    public void Print(string workload)
    {
        Console.WriteLine($"workload: {workload}; {Shape}; {Environment.ProcessorCount} cores shared with the load generator");
        Console.WriteLine($"requests: {SortedLatencies.Length}, errors: {Errors}, throughput: {SortedLatencies.Length / Elapsed.TotalSeconds:F0} turns/s");
        Console.WriteLine($"latency ms: p50 {Percentile(SortedLatencies, 0.50):F2}  p90 {Percentile(SortedLatencies, 0.90):F2}  p99 {Percentile(SortedLatencies, 0.99):F2}  p99.9 {Percentile(SortedLatencies, 0.999):F2}  max {SortedLatencies.LastOrDefault():F2}");
        if (SortedLateness.Length > 0)
        {
            Console.WriteLine($"generator send lateness ms (not in the latencies above): p50 {Percentile(SortedLateness, 0.50):F2}  p99 {Percentile(SortedLateness, 0.99):F2}  max {SortedLateness.LastOrDefault():F2}");
        }
    }
}
