namespace BotRuntime.Storage.Sqlite;

/// <summary>
/// Keeps the write-ahead log short without a turn ever running a checkpoint. SQLite's automatic checkpoint runs inside
/// the commit that fills the log (two fsyncs and a thousand page copies) while every other write waits; the store's
/// connections have it off. Instead, every <see cref="RowsPerCheckpoint"/> rows written a thread of its own copies the
/// log beside the writer, then asks the writer to copy, between two transactions, the few pages committed meanwhile
/// (the tail), so the copy is complete and the next transaction starts the log afresh (a log never wholly copied is
/// never reused and grows). A failed checkpoint waits for the next one: the log keeps the commits safe.
/// </summary>
internal sealed class SqliteWalCheckpointer(SqliteDatabaseFile file)
{
    /// <summary>About SQLite's own 1,000-page interval for conversation states of a few KB (a row is a page or more).</summary>
    internal const int RowsPerCheckpoint = 256;

    private int _rowsSinceCheckpoint;
    private int _running;
    private volatile bool _tailDue;

    /// <summary>Raised when the bulk copy is done and the writer should copy the tail.</summary>
    public event Action? TailRequested;

    public bool IsTailDue => _tailDue;

    /// <summary>Called by the writer after each commit.</summary>
    public void Committed(int rows)
    {
        if (Interlocked.Add(ref _rowsSinceCheckpoint, rows) >= RowsPerCheckpoint && Interlocked.Exchange(ref _running, 1) == 0)
        {
            Volatile.Write(ref _rowsSinceCheckpoint, 0);
            // A thread of its own: the checkpoint blocks on fsync for milliseconds, which no pool thread should.
            new Thread(CopyBulk) { IsBackground = true, Name = "SQLite WAL checkpoint" }.Start();
        }
    }

    /// <summary>Called by the writer once it has copied the tail (or failed to).</summary>
    public void TailDone()
    {
        _tailDue = false;
        Volatile.Write(ref _running, 0);
    }

    private void CopyBulk()
    {
        try
        {
            using var connection = file.Open();
            SqliteDatabaseFile.CheckpointPassive(connection);
        }
        catch (Exception)
        {
            // Whatever went wrong (the file gone, the disk full), the log keeps the commits safe and the next checkpoint
            // copies them; an exception escaping this thread would end the process.
        }

        _tailDue = true;
        TailRequested?.Invoke();
    }
}
