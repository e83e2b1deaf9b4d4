namespace BotRuntime.Storage.Sqlite;

/// <summary>One caller's share of a group commit: applied inside the batch's transaction, completed after its commit.</summary>
internal abstract class SqliteWriteOperation
{
    private Exception? _failure;

    /// <summary>Runs the operation's statements; returns how many rows it wrote (for the checkpoint schedule).</summary>
    public abstract int Apply(SqliteWriterConnection connection);

    /// <summary>This operation alone failed (its savepoint was rolled back); the caller hears it after the commit.</summary>
    public void SetFailure(Exception failure) => _failure = failure;

    public void Complete()
    {
        if (_failure is null)
        {
            Succeed();
        }
        else
        {
            Fail(_failure);
        }
    }

    public abstract void Fail(Exception failure);

    protected abstract void Succeed();
}

/// <summary>An operation with a result for its caller.</summary>
internal sealed class SqliteWriteOperation<T>(Func<SqliteWriterConnection, (T Result, int Rows)> apply) : SqliteWriteOperation
{
    // Continuations run on the pool, never on the writer thread: the writer goes straight on to the next batch.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Completion => _completion.Task;

    public override int Apply(SqliteWriterConnection connection)
    {
        var (result, rows) = apply(connection);
        _result = result;
        return rows;
    }

    public override void Fail(Exception failure) => _completion.TrySetException(failure);

    protected override void Succeed() => _completion.TrySetResult(_result!);
}
