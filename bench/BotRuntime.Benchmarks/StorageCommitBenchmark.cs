using System.Diagnostics;
using BotRuntime.Storage;
using BotRuntime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Benchmarks;

/// <summary>
/// What a turn waits for in the SQLite state store: one read and one conditional write of a 3 KB conversation state,
/// the store's share of every turn. One visitor at a time (light load: each commit's own cost, fsync included) and
/// eight at once (concurrent writers: waiting for the write lock).
/// </summary>
internal static class StorageCommitBenchmark
{
    public static async Task RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "botruntime-storage-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine("== SQLite state store: read + write of a 3 KB conversation state (one turn's storage work) ==");
            Console.WriteLine($"{"visitors at once",-18} {"turns",6} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"≥100 ms",8}");
            foreach (var visitors in new[] { 1, 8 })
            {
                var storage = new SqliteStorage(Path.Combine(directory, $"state-{visitors}.db"));
                await TurnsAsync(storage, visitors, TimeSpan.FromSeconds(1)); // warm: JIT, pool, file growth
                var latencies = await TurnsAsync(storage, visitors, TimeSpan.FromSeconds(3));
                latencies.Sort();
                double At(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
                Console.WriteLine($"{visitors,-18} {latencies.Count,6} {At(0.5),8:F2} {At(0.9),8:F2} {At(0.99),8:F2} {latencies[^1],8:F2} {latencies.Count(l => l >= 100),8}");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<double>> TurnsAsync(IStorage storage, int visitors, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var padding = new string('x', 3000);
        var perVisitor = await Task.WhenAll(Enumerable.Range(0, visitors).Select(visitor => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var key = $"bench/conversations/{visitor}";
            var turn = 0;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var read = await storage.ReadAsync([key]);
                var eTag = read.TryGetValue(key, out var stored) && stored is System.Text.Json.JsonElement element
                    && element.TryGetProperty(StorageDocument.ETagProperty, out var tag) ? tag.GetString() : "*";
                var document = new Dictionary<string, object?> { ["turn"] = turn++, ["padding"] = padding, [StorageDocument.ETagProperty] = eTag };
                await storage.WriteAsync(new Dictionary<string, object> { [key] = document });
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        })));
        return perVisitor.SelectMany(l => l).ToList();
    }
}
