using System.Diagnostics;
using BotRuntime.Storage;
using BotRuntime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Benchmarks;

/// <summary>
/// What a turn waits for in the SQLite state store: one read and one conditional write of a 3 KB conversation state,
/// the store's share of every turn. Returning conversations (each visitor's row read and replaced) and new ones (every
/// turn a missing row read and created, as on a website where most visitors ask one or two things); one visitor at a
/// time (each commit's own cost) and many at once (how commits share the writer).
/// </summary>
internal static class StorageCommitBenchmark
{
    public static async Task RunAsync(Func<string, IStorage>? createStore = null, string storeName = "SQLite state store (group commit)")
    {
        createStore ??= path => new SqliteStorage(path);
        var directory = Path.Combine(Path.GetTempPath(), "botruntime-storage-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"== {storeName}: read + write of a 3 KB conversation state (one turn's storage work); load average {LoadAverage()} ==");
            Console.WriteLine($"{"conversations",-14} {"visitors",8} {"turns/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"log MB",7}");
            foreach (var fresh in new[] { false, true })
            {
                foreach (var visitors in new[] { 1, 8, 32 })
                {
                    var path = Path.Combine(directory, $"state-{fresh}-{visitors}.db");
                    var storage = createStore(path);
                    await TurnsAsync(storage, visitors, fresh, TimeSpan.FromSeconds(1)); // warm: JIT, pool, file growth
                    var clock = Stopwatch.StartNew();
                    var latencies = await TurnsAsync(storage, visitors, fresh, TimeSpan.FromSeconds(3));
                    var seconds = clock.Elapsed.TotalSeconds;
                    latencies.Sort();
                    double At(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
                    Console.WriteLine($"{(fresh ? "new" : "returning"),-14} {visitors,8} {latencies.Count / seconds,8:F0} {At(0.5),8:F2} {At(0.9),8:F2} {At(0.99),8:F2} {latencies[^1],8:F2} {WriteAheadLogMiB(path),7:F1}");
                    (storage as IDisposable)?.Dispose();
                }
            }

            Console.WriteLine($"load average after: {LoadAverage()}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The write-ahead log's size at the end of a run: it grows while checkpoints cannot finish.</summary>
    private static double WriteAheadLogMiB(string path) =>
        File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length / (1024.0 * 1024.0) : 0;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<List<double>> TurnsAsync(IStorage storage, int visitors, bool fresh, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var padding = new string('x', 3000);
        var perVisitor = await Task.WhenAll(Enumerable.Range(0, visitors).Select(visitor => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var turn = 0;
            while (clock.Elapsed < duration)
            {
                // A new conversation's key is as unpredictable as a real conversation id.
                var key = fresh ? $"webchat/conversations/{Guid.NewGuid():N}" : $"webchat/conversations/visitor-{visitor}";
                var started = Stopwatch.GetTimestamp();
                var read = await storage.ReadAsync([key]);
                var eTag = read.TryGetValue(key, out var stored) && stored is System.Text.Json.JsonElement element
                    && element.TryGetProperty(StorageDocument.ETagProperty, out var tag) ? tag.GetString() : StorageDocument.AbsentETag;
                var document = new Dictionary<string, object?> { ["turn"] = turn++, ["padding"] = padding, [StorageDocument.ETagProperty] = eTag };
                await storage.WriteAsync(new Dictionary<string, object> { [key] = document });
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        })));
        return perVisitor.SelectMany(l => l).ToList();
    }
}
