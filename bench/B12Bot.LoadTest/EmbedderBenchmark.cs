using System.Diagnostics;
using B12Bot.Bench;
using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.LoadTest;

/// <summary>
/// In-process cost of the sentence-embedding model on distinct patient-style questions: the load, one message per model
/// call, batches of several sizes, and the service's own micro-batching under concurrent callers; with one and with two
/// threads per model call.
/// </summary>
internal static class EmbedderBenchmark
{
    private static readonly TimeSpan PerFigure = TimeSpan.FromSeconds(2);

    public static void Run(LoadTestOptions options)
    {
        var before = Machine.ResidentMiB(Environment.ProcessId);
        long next = 0;
        foreach (var (threads, calls) in new[] { (1, 2), (1, 1), (2, 1) })
        {
            var started = Stopwatch.GetTimestamp();
            using var embedder = new MiniLmSentenceEmbedder(
                new SentenceEmbedderOptions { IntraOpThreads = threads, ConcurrentCalls = calls, MaxBatchSize = 32, CacheCapacity = 0 },
                NullLogger<MiniLmSentenceEmbedder>.Instance);
            embedder.Loaded.GetAwaiter().GetResult();
            Console.WriteLine($"-- {threads} thread(s) per model call, {calls} call(s) at once: loaded in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms; process resident memory {Machine.ResidentMiB(Environment.ProcessId):F0} MiB (before any model: {before:F0} MiB)");

            // Batch figures depend on the threads per call only.
            foreach (var batchSize in calls == 1 ? [] : new[] { 1, 4, 8, 16, 32 })
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var (messages, elapsed) = Repeat(() =>
                {
                    var texts = Enumerable.Range(0, batchSize).Select(_ => PatientQuestionGenerator.Compose(next++)).ToArray();
                    embedder.EmbedBatch(texts);
                    return batchSize;
                });
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                Console.WriteLine($"   batch of {batchSize,2}: {elapsed.TotalMilliseconds / messages:F2} ms per message (CPU {cpu.TotalMilliseconds / messages:F2} ms), {messages / elapsed.TotalSeconds:F0} messages/s");
            }

            foreach (var callers in new[] { 1, 8, 32 })
            {
                var latencies = new List<double>();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
                {
                    var own = new List<double>();
                    while (clock.Elapsed < PerFigure)
                    {
                        var text = PatientQuestionGenerator.Compose(Interlocked.Increment(ref next));
                        var sent = Stopwatch.GetTimestamp();
                        await embedder.EmbedAsync(text);
                        own.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    }

                    return own;
                })).ToArray();
                foreach (var own in Task.WhenAll(workers).GetAwaiter().GetResult())
                {
                    latencies.AddRange(own);
                }

                latencies.Sort();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                Console.WriteLine($"   EmbedAsync, {callers,2} concurrent callers (micro-batched): {latencies.Count / clock.Elapsed.TotalSeconds:F0} messages/s, latency p50 {latencies[latencies.Count / 2]:F2} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F2} ms, process CPU {cpu.TotalMilliseconds / latencies.Count:F2} ms per message");
            }
        }
    }

    private static (int Messages, TimeSpan Elapsed) Repeat(Func<int> call)
    {
        call(); // the first call of a new shape pays for allocations
        var clock = Stopwatch.StartNew();
        var messages = 0;
        while (clock.Elapsed < PerFigure)
        {
            messages += call();
        }

        return (messages, clock.Elapsed);
    }
}
