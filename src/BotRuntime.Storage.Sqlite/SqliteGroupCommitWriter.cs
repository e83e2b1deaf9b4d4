using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BotRuntime.Storage.Sqlite;

/// <summary>
/// The one writer of a SQLite file in this process, committing several callers' writes together (group commit).
/// Callers enqueue an operation and await it; a thread of its own takes whatever is queued, opens one immediate
/// transaction, applies each operation under its own savepoint (so one eTag conflict fails only its caller), commits,
/// and only then completes the callers: a caller's write is committed before its await returns, so a reply sent after
/// it survives the process being killed. While one batch commits the next one queues up, so the commit cost is shared
/// by every turn that arrived meanwhile, and no two writers of this process ever meet at SQLite's write lock (where a
/// loser sleeps in a busy handler).
/// </summary>
internal sealed class SqliteGroupCommitWriter : IDisposable
{
    /// <summary>At most this many operations per transaction, so one commit's wait stays short under a flood.</summary>
    internal const int MaxBatch = 256;

    /// <summary>The writer thread ends after this long without work (a store nobody writes holds no thread).</summary>
    private static readonly TimeSpan IdleExit = TimeSpan.FromSeconds(10);

    private readonly SqliteDatabaseFile _file;
    private readonly SqliteWalCheckpointer _checkpointer;
    private readonly object _lock = new();
    private readonly Queue<SqliteWriteOperation> _queue = new();
    private bool _writerRunning;
    private bool _disposed;

    public SqliteGroupCommitWriter(SqliteDatabaseFile file, SqliteWalCheckpointer checkpointer)
    {
        _file = file;
        _checkpointer = checkpointer;
        _checkpointer.TailRequested += WakeWriter;
    }

    /// <summary>Queues <paramref name="operation"/>; its task completes once the transaction that holds it has committed.</summary>
    public Task<T> EnqueueAsync<T>(SqliteWriteOperation<T> operation)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(operation);
            StartOrWakeWriter();
        }

        return operation.Completion;
    }

    private void WakeWriter()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                StartOrWakeWriter();
            }
        }
    }

    private void StartOrWakeWriter()
    {
        if (_writerRunning)
        {
            Monitor.Pulse(_lock);
            return;
        }

        _writerRunning = true;
        // A thread of its own, not a pool thread: it blocks in SQLite for every commit and must not wait for a pool
        // thread to be free to do so while the turns it would complete hold them all.
        new Thread(WriterLoop) { IsBackground = true, Name = "SQLite group-commit writer" }.Start();
    }

    private void WriterLoop()
    {
        SqliteWriterConnection? connection = null;
        var batch = new List<SqliteWriteOperation>(MaxBatch);
        try
        {
            while (true)
            {
                bool checkpointTail;
                lock (_lock)
                {
                    while (_queue.Count == 0 && !_checkpointer.IsTailDue)
                    {
                        if (_disposed || !Monitor.Wait(_lock, IdleExit) && _queue.Count == 0 && !_checkpointer.IsTailDue)
                        {
                            _writerRunning = false;
                            return;
                        }
                    }

                    while (batch.Count < MaxBatch && _queue.TryDequeue(out var operation))
                    {
                        batch.Add(operation);
                    }

                    checkpointTail = _checkpointer.IsTailDue;
                }

                if (checkpointTail)
                {
                    // Between transactions: nothing of this process can commit meanwhile, so the copy completes and the
                    // next transaction starts the log afresh.
                    connection = FinishCheckpoint(connection);
                }

                if (batch.Count > 0)
                {
                    connection = Commit(connection, batch);
                    batch.Clear();
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteWriterConnection? FinishCheckpoint(SqliteWriterConnection? connection)
    {
        try
        {
            connection ??= new SqliteWriterConnection(_file);
            SqliteDatabaseFile.CheckpointPassive(connection.Connection);
        }
        catch (Exception)
        {
            // The log keeps the commits safe and the next checkpoint copies them.
        }
        finally
        {
            _checkpointer.TailDone();
        }

        return connection;
    }

    /// <summary>One transaction for the whole batch; returns the connection to keep, or null after a failure (reopen).</summary>
    private SqliteWriterConnection? Commit(SqliteWriterConnection? connection, List<SqliteWriteOperation> batch)
    {
        var rows = 0;
        try
        {
            connection ??= new SqliteWriterConnection(_file);
            connection.Begin.ExecuteNonQuery();
            foreach (var operation in batch)
            {
                rows += Apply(connection, operation);
            }

            connection.CommitCommand.ExecuteNonQuery();
        }
        catch (Exception ex)
        {
            // The batch as a whole could not commit (another process held the lock too long, disk full, I/O error):
            // every caller in it fails, none of its writes happened.
            if (connection is not null && raw.sqlite3_get_autocommit(connection.Connection.Handle) == 0)
            {
                try
                {
                    connection.Rollback.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // The connection is dropped below; closing it rolls back whatever is left.
                }
            }

            connection?.Dispose();
            foreach (var operation in batch)
            {
                operation.Fail(ToCallerException(ex));
            }

            return null;
        }

        foreach (var operation in batch)
        {
            operation.Complete();
        }

        _checkpointer.Committed(rows);
        return connection;
    }

    /// <summary>Applies one caller's operation under its own savepoint; its own failure is kept for it alone.</summary>
    private static int Apply(SqliteWriterConnection connection, SqliteWriteOperation operation)
    {
        connection.Savepoint.ExecuteNonQuery();
        try
        {
            var rows = operation.Apply(connection);
            connection.Release.ExecuteNonQuery();
            return rows;
        }
        catch (Exception ex) when (ex is EtagConflictException || (ex is SqliteException && raw.sqlite3_get_autocommit(connection.Connection.Handle) == 0))
        {
            // A conflict, or an error that left the transaction open (a statement error): undo this operation only.
            connection.RollbackToSavepoint.ExecuteNonQuery();
            connection.Release.ExecuteNonQuery();
            operation.SetFailure(ex is SqliteException sqlite ? ToCallerException(sqlite) : ex);
            return 0;
        }
    }

    private static Exception ToCallerException(Exception ex) =>
        ex is SqliteException sqlite && SqliteDatabaseFile.IsUnavailable(sqlite) ? new StorageUnavailableException(SqliteStorage.ProviderLabel, sqlite) : ex;

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            Monitor.PulseAll(_lock);
            // Whatever is still queued is finished by the writer before it sees the flag (its loop drains first).
            if (!_writerRunning)
            {
                while (_queue.TryDequeue(out var orphan))
                {
                    orphan.Fail(new ObjectDisposedException(nameof(SqliteStorage)));
                }
            }
        }

        _checkpointer.TailRequested -= WakeWriter;
    }
}
