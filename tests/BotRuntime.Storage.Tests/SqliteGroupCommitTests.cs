using System.Text.Json;
using BotRuntime.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BotRuntime.Storage.Tests;

/// <summary>
/// The SQLite store's single writer commits many callers' writes in one transaction: each caller's eTag check still
/// stands alone, a write is committed before its caller goes on, and a file another process keeps locked makes the
/// store say "unavailable" (retry, try again in a moment, not ready) instead of failing the turn.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-group-commit-").FullName;

    private string DatabasePath => Path.Combine(_folder, "state.db");

    private static StorageProviderContract.Note Read(IDictionary<string, object> items, string key) =>
        ((JsonElement)items[key]).Deserialize<StorageProviderContract.Note>(StateJson.Default.Options)!;

    [Fact]
    public async Task Many_writes_at_once_all_land_and_each_stale_one_fails_only_its_own_caller()
    {
        using var storage = new SqliteStorage(DatabasePath);
        await storage.WriteAsync(Enumerable.Range(0, 40).ToDictionary(i => $"seed/{i}", i => (object)new StorageProviderContract.Note { Text = "v1" }));
        var seeded = await storage.ReadAsync([.. Enumerable.Range(0, 40).Select(i => $"seed/{i}")]);

        // 200 callers at the same moment, so the writer finds them queued together: new keys, updates with the eTag
        // just read, and (every fourth seeded key) updates with an eTag that no longer matches.
        var creates = Enumerable.Range(0, 160).Select(i => (Key: $"new/{i}", ETag: (string?)StorageDocument.AbsentETag));
        var updates = Enumerable.Range(0, 40).Select(i => (Key: $"seed/{i}", ETag: i % 4 == 0 ? "stale" : Read(seeded, $"seed/{i}").ETag));
        var outcomes = await Task.WhenAll(creates.Concat(updates).Select(write => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [write.Key] = new StorageProviderContract.Note { Text = "v2", ETag = write.ETag } });
                return (write.Key, Conflict: false);
            }
            catch (EtagConflictException conflict)
            {
                Assert.Equal(write.Key, conflict.Key);
                return (write.Key, Conflict: true);
            }
        })));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"seed/{4 * i}").Order(), outcomes.Where(o => o.Conflict).Select(o => o.Key).Order());
        var stored = await storage.ReadAsync([.. outcomes.Select(o => o.Key)]);
        foreach (var (key, conflict) in outcomes)
        {
            Assert.Equal(conflict ? "v1" : "v2", Read(stored, key).Text);
        }
    }

    [Fact]
    public async Task A_write_of_several_keys_with_one_stale_etag_changes_none_of_them()
    {
        using var storage = new SqliteStorage(DatabasePath);
        var existing = new StorageProviderContract.Note { Text = "v1" };
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = existing });
        var staleETag = existing.ETag;
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new StorageProviderContract.Note { Text = "v2", ETag = staleETag } });

        await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["user"] = new StorageProviderContract.Note { Text = "written with the conversation" },
            ["conversation"] = new StorageProviderContract.Note { Text = "v3", ETag = staleETag },
        }));

        var read = await storage.ReadAsync(["user", "conversation"]);
        Assert.Equal(["conversation"], read.Keys);
        Assert.Equal("v2", Read(read, "conversation").Text);
    }

    [Fact]
    public async Task A_write_is_in_the_file_by_the_time_its_caller_goes_on()
    {
        using var storage = new SqliteStorage(DatabasePath);
        // What a reply that leaves after the save relies on: another connection (standing for the process after a
        // SIGKILL and a restart) already finds the write when WriteAsync returns, under concurrent load.
        await Task.WhenAll(Enumerable.Range(0, 32).Select(visitor => Task.Run(async () =>
        {
            for (var turn = 1; turn <= 10; turn++)
            {
                await storage.WriteAsync(new Dictionary<string, object> { [$"visitor/{visitor}"] = new StorageProviderContract.Note { Count = turn } });
                using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
                other.Open();
                using var command = other.CreateCommand();
                command.CommandText = "SELECT document FROM bot_state WHERE key = $key";
                command.Parameters.AddWithValue("$key", $"visitor/{visitor}");
                var document = JsonSerializer.Deserialize<StorageProviderContract.Note>((string)command.ExecuteScalar()!, StateJson.Default.Options)!;
                Assert.Equal(turn, document.Count);
            }
        })));
    }

    [Fact]
    public async Task While_another_process_holds_the_write_lock_the_store_is_unavailable_and_not_ready_then_recovers()
    {
        using var storage = new SqliteStorage(DatabasePath, busyTimeout: TimeSpan.FromMilliseconds(100));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageProviderContract.Note { Text = "before" } });
        var health = new StorageHealthCheck(storage);

        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString()))
        {
            other.Open();
            using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            hold.ExecuteNonQuery();

            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
                storage.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageProviderContract.Note { Text = "during" } }));
            Assert.Equal("SQLite", error.Provider);
            Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
            // Reads go on in WAL mode: what was saved before is still there.
            Assert.Equal("before", Read(await storage.ReadAsync(["k"]), "k").Text);

            hold.CommandText = "ROLLBACK";
            hold.ExecuteNonQuery();
        }

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new StorageProviderContract.Note { Text = "after" } });
        Assert.Equal("after", Read(await storage.ReadAsync(["k"]), "k").Text);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
