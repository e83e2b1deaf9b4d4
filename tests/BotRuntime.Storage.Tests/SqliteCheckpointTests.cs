using BotRuntime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Storage.Tests;

/// <summary>
/// The turns' connections never checkpoint the write-ahead log themselves (that would stall every turn behind the one
/// that fills it); the store checkpoints it beside them, so the log does not grow without bound and a restart reads all.
/// </summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-checkpoint-").FullName;

    [Fact]
    public async Task The_log_is_checkpointed_as_turns_commit_and_every_state_survives_a_restart()
    {
        var path = Path.Combine(_folder, "state.db");
        var storage = new SqliteStorage(path);
        var padding = new string('x', 3_000);
        const int commits = 4_096; // sixteen times the store's checkpoint interval
        for (var i = 0; i < commits; i++)
        {
            await storage.WriteAsync(new Dictionary<string, object> { [$"visitor/{i % 50}"] = new StorageProviderContract.Note { Text = padding, Count = i } });
        }

        // Without checkpoints the log holds every commit (at least one 4 KB page each) for good. With them it is reused,
        // and once the background copy has caught up (a loaded machine can starve its thread during the burst) the next
        // commit starts the log afresh and cuts its file back to the limit.
        var uncheckpointed = commits * 4_096L;
        Assert.True(uncheckpointed > 2 * SqliteDatabaseFile.WalSizeLimit);
        var logSize = new FileInfo(path + "-wal").Length;
        for (var wait = 0; wait < 200 && logSize > SqliteDatabaseFile.WalSizeLimit; wait++)
        {
            await Task.Delay(50);
            await storage.WriteAsync(new Dictionary<string, object> { ["visitor/0"] = new StorageProviderContract.Note { Text = padding, Count = commits + wait } });
            logSize = new FileInfo(path + "-wal").Length;
        }

        Assert.True(logSize <= SqliteDatabaseFile.WalSizeLimit, $"write-ahead log {logSize:N0} bytes after {commits} commits");

        SqliteConnection.ClearAllPools();
        var read = await new SqliteStorage(path).ReadAsync([.. Enumerable.Range(0, 50).Select(v => $"visitor/{v}")]);
        Assert.Equal(50, read.Count);
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
