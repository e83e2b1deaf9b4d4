using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BotRuntime.Storage.Sqlite;

/// <summary>
/// The one writer of a SQLite file in this process, committing several callers' writes together (group commit).
/// A caller that finds nobody committing and nothing queued commits its own write at once on its own thread: at low
/// load a turn's save costs no hand-off to another thread and back (two thread wake-ups, each up to milliseconds on a
/// busy machine). Otherwise the caller enqueues the operation and awaits it; a thread of its own takes whatever is
/// queued once the commit in progress is done, opens one immediate transaction, applies each operation under its own
/// savepoint (so one eTag conflict fails only its caller), commits, and only then completes the callers. Either way a
/// caller's write is committed before its await returns, so a reply sent after it survives the process being killed;
/// while one batch commits the next one queues up, so under load the commit cost is shared by every turn that arrived
/// meanwhile, and no two writers of this process ever meet at SQLite's write lock (where a loser sleeps in a busy
/// handler): one commit at a time, on one connection.
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

    /// <summary>A commit or checkpoint is under way (on the writer thread or a caller's); it alone uses the connection.</summary>
    private bool _committing;

    /// <summary>The open write connection, kept between commits; only the holder of <see cref="_committing"/> touches it.</summary>
    private SqliteWriterConnection? _connection;
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
            if (_committing || _queue.Count > 0 || _checkpointer.IsTailDue)
            {
                _queue.Enqueue(operation);
                StartOrWakeWriter();
                return operation.Completion;
            }

            _committing = true;
        }

        // Nobody else is writing: commit here. The caller's thread blocks in SQLite for the commit (no fsync in WAL mode
        // with synchronous=NORMAL), as long as a hand-off to the writer thread would have taken at the least; a lock held
        // by another process is waited for here, by this one caller, while later callers queue for the writer thread.
        try
        {
            _connection = Commit(_connection, [operation]);
        }
        finally
        {
            lock (_lock)
            {
                _committing = false;
                if (_queue.Count > 0 || _checkpointer.IsTailDue || _disposed)
                {
                    // Whatever queued meanwhile (or a close waiting for the connection) is the writer thread's.
                    StartOrWakeWriter();
                }
            }
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
            Monitor.PulseAll(_lock);
            return;
        }

        _writerRunning = true;
        // A thread of its own, not a pool thread: it blocks in SQLite for every commit and must not wait for a pool
        // thread to be free to do so while the turns it would complete hold them all.
        new Thread(WriterLoop) { IsBackground = true, Name = "SQLite group-commit writer" }.Start();
    }

    private void WriterLoop()
    {
        var batch = new List<SqliteWriteOperation>(MaxBatch);
        while (true)
        {
            bool checkpointTail;
            lock (_lock)
            {
                // Nothing to do, or a caller is committing its own write: wait (the caller wakes this thread when done).
                while (_committing || (_queue.Count == 0 && !_checkpointer.IsTailDue))
                {
                    if (!_committing && _disposed)
                    {
                        // Closing: the queue is drained; the connection goes with the writer.
                        _writerRunning = false;
                        _connection?.Dispose();
                        _connection = null;
                        Monitor.PulseAll(_lock);
                        return;
                    }

                    if (!Monitor.Wait(_lock, IdleExit) && !_committing && _queue.Count == 0 && !_checkpointer.IsTailDue)
                    {
                        // Idle: the thread ends (the connection stays open for the next commit, on whichever thread).
                        _writerRunning = false;
                        return;
                    }
                }

                while (batch.Count < MaxBatch && _queue.TryDequeue(out var operation))
                {
                    batch.Add(operation);
                }

                checkpointTail = _checkpointer.IsTailDue;
                _committing = true;
            }

            try
            {
                if (checkpointTail)
                {
                    // Between transactions: nothing of this process can commit meanwhile, so the copy completes and the
                    // next transaction starts the log afresh.
                    _connection = FinishCheckpoint(_connection);
                }

                if (batch.Count > 0)
                {
                    _connection = Commit(_connection, batch);
                    batch.Clear();
                }
            }
            finally
            {
                lock (_lock)
                {
                    _committing = false;
                }
            }
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
            // Whatever is still queued is finished by the writer before it sees the flag (its loop drains first), and a
            // caller committing now finishes first; then the connection is closed, by the writer or here.
            while (_writerRunning || _committing)
            {
                Monitor.Wait(_lock);
            }

            while (_queue.TryDequeue(out var orphan))
            {
                orphan.Fail(new ObjectDisposedException(nameof(SqliteStorage)));
            }

            _connection?.Dispose();
            _connection = null;
        }

        _checkpointer.TailRequested -= WakeWriter;
    }
}
