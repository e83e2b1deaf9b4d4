using System.Globalization;
using System.Text.Json;
using BotRuntime.Storage;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Storage.Sqlite;

/// <summary>
/// Bot state in one SQLite file (WAL mode): the embedded default, so conversations survive a restart with nothing
/// installed. Conditional writes compare the eTag inside the same immediate transaction that writes.
/// </summary>
/// <remarks>
/// Two things keep a turn from waiting on the store. Every connection commits with synchronous=NORMAL (in WAL mode the
/// database stays consistent; a power cut may lose the last commits, never corrupt them): the setting belongs to each
/// connection, not to the file, and without it every pooled connection but the first fsyncs every commit, a few
/// milliseconds per turn. And this process's writers take turns at an async gate: SQLite has one writer at a time
/// anyway, and a writer that finds the lock taken gets SQLITE_BUSY, on which Microsoft.Data.Sqlite blocks its thread
/// for 150 ms before retrying. Another process's writer is waited for inside SQLite (busy_timeout), in short sleeps.
/// And no turn runs a WAL checkpoint: SQLite's automatic one runs inside the commit that fills the log, with two fsyncs
/// and a thousand page copies, while every other turn waits for the write gate (the tail of the latency under light
/// load). Turns' connections have it off; every <see cref="CommitsPerCheckpoint"/> commits a thread of its own copies
/// the log beside the writers and holds the gate only to copy the last few pages.
/// </remarks>
public sealed class SqliteStorage : IStorage, IExpiringStore
{
    private const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA wal_autocheckpoint=0;";

    /// <summary>About SQLite's own 1,000-page interval for conversation states of a few KB.</summary>
    internal const int CommitsPerCheckpoint = 256;

    private int _commitsSinceCheckpoint;
    private int _checkpointRunning;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString;
    private readonly JsonSerializerOptions _options;
    private readonly TimeProvider _time;

    public SqliteStorage(string databasePath, JsonSerializerOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _options = options ?? StateJson.Options;
        _time = timeProvider ?? TimeProvider.System;
        Initialize();
    }

    private void Initialize()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            CREATE TABLE IF NOT EXISTS bot_state (
                key TEXT NOT NULL PRIMARY KEY,
                etag TEXT NOT NULL,
                document TEXT NOT NULL,
                updated_utc TEXT NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection, and a pooled connection may be new: cheap to repeat (no I/O), wrong to miss.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM bot_state WHERE key = $key";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys)
        {
            keyParameter.Value = key;
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json)
            {
                result[key] = StorageDocument.ToElement(json);
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteGatedAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task WriteGatedAsync(IDictionary<string, object> changes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE takes the write lock up front, so the eTag read and the write cannot interleave with another writer.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var handBacks = new List<(object Value, string ETag)>(changes.Count);
        foreach (var (key, value) in changes)
        {
            var document = StorageDocument.Serialize(value, _options);
            var incoming = StorageDocument.IncomingETag(document);
            if (StorageDocument.IsConditional(incoming))
            {
                await using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT etag FROM bot_state WHERE key = $key";
                check.Parameters.AddWithValue("$key", key);
                if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string stored && stored != incoming)
                {
                    throw new EtagConflictException(key);
                }
            }

            var newETag = Guid.NewGuid().ToString("N");
            StorageDocument.Stamp(document, newETag);
            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO bot_state (key, etag, document, updated_utc) VALUES ($key, $etag, $document, $updated)
                ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_utc = excluded.updated_utc
                """;
            upsert.Parameters.AddWithValue("$key", key);
            upsert.Parameters.AddWithValue("$etag", newETag);
            upsert.Parameters.AddWithValue("$document", document?.ToJsonString(_options) ?? "null");
            upsert.Parameters.AddWithValue("$updated", _time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            handBacks.Add((value, newETag));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (value, eTag) in handBacks)
        {
            StorageDocument.HandBack(value, eTag);
        }

        if (Interlocked.Increment(ref _commitsSinceCheckpoint) >= CommitsPerCheckpoint && Interlocked.Exchange(ref _checkpointRunning, 1) == 0)
        {
            Volatile.Write(ref _commitsSinceCheckpoint, 0);
            // A thread of its own: the checkpoint blocks on fsync for milliseconds, which no pool thread should.
            new Thread(Checkpoint) { IsBackground = true, Name = "SQLite WAL checkpoint" }.Start();
        }
    }

    /// <summary>
    /// Copies the committed log into the database file: the bulk beside the writers, then what they committed meanwhile
    /// (a few pages) at the write gate, so the copy is complete and the next writer starts the log afresh (a log that is
    /// never wholly copied is never reused and grows). A failure waits for the next checkpoint.
    /// </summary>
    private void Checkpoint()
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
            _writeGate.Wait();
            try
            {
                command.ExecuteNonQuery();
            }
            finally
            {
                _writeGate.Release();
            }
        }
        catch (Exception)
        {
            // Whatever went wrong (the file gone, the disk full), the log keeps the commits safe and the next checkpoint
            // copies them; an exception escaping this thread would end the process.
        }
        finally
        {
            Volatile.Write(ref _checkpointRunning, 0);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM bot_state WHERE key = $key";
            var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
            foreach (var key in keys)
            {
                keyParameter.Value = key;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Deletes state not written since <paramref name="idleSince"/> (updated_utc is ISO 8601 UTC, so text order is time order).</summary>
    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM bot_state WHERE updated_utc < $cutoff";
            command.Parameters.AddWithValue("$cutoff", idleSince.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
