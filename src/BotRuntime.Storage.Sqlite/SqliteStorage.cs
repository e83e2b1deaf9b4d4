using System.Globalization;
using System.Text.Json;
using BotRuntime.Storage;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Storage.Sqlite;

/// <summary>
/// Bot state in one SQLite file (WAL mode): the embedded default, so conversations survive a restart with nothing
/// installed. Writes go through one in-process writer that commits several turns' writes in one transaction, each with
/// its own eTag check (<see cref="SqliteGroupCommitWriter"/>); a write returns only once it is committed. Reads use a
/// pool of read connections and never wait for the writer. Checkpoints run beside the writer, never in a turn
/// (<see cref="SqliteWalCheckpointer"/>). A file another process keeps locked, or one that cannot be opened or written,
/// surfaces as <see cref="StorageUnavailableException"/> ("try again in a moment", not ready), never as a failed turn.
/// </summary>
public sealed class SqliteStorage : IStorage, IExpiringStore, IStorageReadinessProbe, IDisposable
{
    /// <summary>The provider's name in <see cref="StorageUnavailableException.Provider"/> and in logs.</summary>
    public const string ProviderLabel = "SQLite";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS bot_state (
            key TEXT NOT NULL PRIMARY KEY,
            etag TEXT NOT NULL,
            document TEXT NOT NULL,
            updated_utc TEXT NOT NULL
        );
        """;

    private readonly SqliteReadConnectionPool _readers;
    private readonly SqliteGroupCommitWriter _writer;
    private readonly JsonSerializerOptions _options;
    private readonly TimeProvider _time;

    /// <param name="databasePath">The state file; its folder is created.</param>
    /// <param name="busyTimeout">
    /// How long a write waits for a lock another process holds (another host on the same file, a backup) before the store
    /// reports itself unavailable; default <see cref="SqliteDatabaseFile.DefaultBusyTimeout"/>.
    /// </param>
    public SqliteStorage(string databasePath, JsonSerializerOptions? options = null, TimeProvider? timeProvider = null, TimeSpan? busyTimeout = null)
    {
        var file = new SqliteDatabaseFile(databasePath, busyTimeout, checkpointsInBackground: true);
        try
        {
            file.Initialize(Schema);
        }
        catch (SqliteException ex) when (SqliteDatabaseFile.IsUnavailable(ex))
        {
            throw new StorageUnavailableException(ProviderLabel, ex);
        }

        _readers = new SqliteReadConnectionPool(file);
        _writer = new SqliteGroupCommitWriter(file, new SqliteWalCheckpointer(file));
        _options = options ?? StateJson.Default.Options;
        _time = timeProvider ?? TimeProvider.System;
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return Task.FromResult<IDictionary<string, object>>(result);
        }

        try
        {
            foreach (var (key, json) in _readers.Read(keys))
            {
                result[key] = StorageDocument.ToElement(json);
            }
        }
        catch (SqliteException ex) when (SqliteDatabaseFile.IsUnavailable(ex))
        {
            throw new StorageUnavailableException(ProviderLabel, ex);
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Everything but the SQL happens here, on the caller's thread, so the one writer does as little as possible.
        var updated = _time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var rows = new List<Row>(changes.Count);
        foreach (var (key, value) in changes)
        {
            var document = StorageDocument.Serialize(value, _options);
            var incoming = StorageDocument.IncomingETag(document);
            var newETag = Guid.NewGuid().ToString("N");
            StorageDocument.Stamp(document, newETag);
            rows.Add(new Row(key, document?.ToJsonString(_options) ?? "null", StorageDocument.IsConditional(incoming) ? incoming : null, newETag, value));
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _writer.EnqueueAsync(new SqliteWriteOperation<bool>(connection =>
        {
            foreach (var row in rows)
            {
                var command = row.ExpectedETag is null ? connection.Upsert : connection.ConditionalUpsert;
                command.Parameters["$key"].Value = row.Key;
                command.Parameters["$etag"].Value = row.NewETag;
                command.Parameters["$document"].Value = row.Json;
                command.Parameters["$updated"].Value = updated;
                if (row.ExpectedETag is not null)
                {
                    command.Parameters["$expected"].Value = row.ExpectedETag;
                }

                if (command.ExecuteNonQuery() == 0)
                {
                    throw new EtagConflictException(row.Key);
                }
            }

            return (true, rows.Count);
        })).ConfigureAwait(false);

        foreach (var row in rows)
        {
            StorageDocument.HandBack(row.Value, row.NewETag);
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Length == 0)
        {
            return Task.CompletedTask;
        }

        return _writer.EnqueueAsync(new SqliteWriteOperation<int>(connection =>
        {
            var deleted = 0;
            foreach (var key in keys)
            {
                connection.Delete.Parameters["$key"].Value = key;
                deleted += connection.Delete.ExecuteNonQuery();
            }

            return (deleted, deleted);
        }));
    }

    /// <summary>Deletes state not written since <paramref name="idleSince"/> (updated_utc is ISO 8601 UTC, so text order is time order).</summary>
    public Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cutoff = idleSince.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        return _writer.EnqueueAsync(new SqliteWriteOperation<int>(connection =>
        {
            connection.RemoveIdle.Parameters["$cutoff"].Value = cutoff;
            var removed = connection.RemoveIdle.ExecuteNonQuery();
            return (removed, removed);
        }));
    }

    /// <summary>
    /// Ready when a read works and the write lock can be had: in WAL mode reads go on while another process keeps the
    /// file locked for writing, and every turn writes. The lock probe is an empty operation in the writer's next batch.
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await ReadAsync([StorageHealthCheck.ProbeKey], cancellationToken).ConfigureAwait(false);
        await _writer.EnqueueAsync(new SqliteWriteOperation<bool>(_ => (true, 0))).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _readers.Dispose();
    }

    private sealed record Row(string Key, string Json, string? ExpectedETag, string NewETag, object Value);
}
