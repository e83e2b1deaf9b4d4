using Microsoft.Data.Sqlite;

namespace BotRuntime.Storage.Sqlite;

/// <summary>
/// How this runtime opens a SQLite file, in one place for every store that keeps one (bot state, the Direct Line
/// history, the transcript): the folder created, WAL mode, and the per-connection settings a pooled connection must not
/// miss. synchronous=NORMAL: in WAL mode the file stays consistent and a commit survives the process being killed; a
/// power cut may lose the last commits, never corrupt them (the setting belongs to each connection, and without it every
/// commit fsyncs). busy_timeout: how long a writer waits inside SQLite for another process's write lock.
/// </summary>
public sealed class SqliteDatabaseFile
{
    /// <summary>How long a statement waits for another process's lock before the store reports itself unavailable.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private readonly string _pragmas;

    /// <param name="path">The database file; its folder is created.</param>
    /// <param name="busyTimeout">How long to wait for a lock held by another process (default <see cref="DefaultBusyTimeout"/>).</param>
    /// <param name="checkpointsInBackground">
    /// True when the owner checkpoints the write-ahead log itself (<see cref="CheckpointPassive"/>): connections then
    /// never run SQLite's automatic checkpoint, which runs inside the commit that fills the log, with two fsyncs.
    /// </param>
    public SqliteDatabaseFile(string path, TimeSpan? busyTimeout = null, bool checkpointsInBackground = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var busy = busyTimeout ?? DefaultBusyTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThan(busy, TimeSpan.Zero, nameof(busyTimeout));
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        FilePath = path;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement in 150 ms sleeps until this many seconds have passed, on top
            // of SQLite's own busy_timeout: keep the two together, so a held lock ends in an error after about busyTimeout.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busy.TotalSeconds)),
        }.ToString();
        _pragmas = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(long)busy.TotalMilliseconds};"
            + (checkpointsInBackground ? $" PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={WalSizeLimit};" : "");
    }

    /// <summary>
    /// The size the write-ahead log file is cut back to when it starts afresh after a checkpoint (bytes). A burst of
    /// commits that outruns the background checkpoint grows the file; without a limit it would keep that size for good.
    /// A few times the log of one checkpoint interval, so a steady load never cuts and regrows it.
    /// </summary>
    public const long WalSizeLimit = 4L * 1024 * 1024;

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Switches the file to WAL mode and runs <paramref name="schema"/> (CREATE ... IF NOT EXISTS).</summary>
    public void Initialize(string schema)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;\n" + schema;
        command.ExecuteNonQuery();
    }

    /// <summary>An open connection with this file's settings; the caller disposes it (back to the pool).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            // Per connection, and a pooled connection may be new: cheap to repeat (no I/O), wrong to miss.
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _pragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <see cref="Open"/> for async callers. Microsoft.Data.Sqlite has no truly asynchronous I/O: opening and the
    /// pragmas run on the caller's thread either way.
    /// </summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Open());
    }

    /// <summary>Copies what it can of the committed log into the database file without waiting for anyone.</summary>
    public static void CheckpointPassive(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// True for the errors that mean "the file cannot be used right now" rather than a fault of the caller: another
    /// process holds the lock (busy, locked), the file cannot be opened or written (cantopen, I/O error, disk full,
    /// read-only). A store reports these as <see cref="StorageUnavailableException"/>.
    /// </summary>
    public static bool IsUnavailable(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // Primary result codes (the low byte of an extended one): https://www.sqlite.org/rescode.html
        return (exception.SqliteErrorCode & 0xFF) is
            5 /* SQLITE_BUSY */ or 6 /* SQLITE_LOCKED */ or 8 /* SQLITE_READONLY */ or 10 /* SQLITE_IOERR */ or
            13 /* SQLITE_FULL */ or 14 /* SQLITE_CANTOPEN */;
    }
}
