namespace BotRuntime.Storage;

/// <summary>
/// A store's set-up that must have run once in this process before its first call (creating a table, a blob container).
/// Callers arriving together share one run; once it has succeeded it never runs again and costs nothing; a run that
/// failed is tried again by the next caller (the database may be up by then). A caller that gives up (its token is
/// cancelled) stops waiting, but the run goes on for the others: it is not tied to any one caller's token, so one
/// request's cancellation cannot fail the callers that wait with it. The set-up must bound its own time (the store
/// clients' timeouts do).
/// </summary>
public sealed class OneTimeSetup(Func<CancellationToken, Task> setup)
{
    private readonly Func<CancellationToken, Task> _setup = setup ?? throw new ArgumentNullException(nameof(setup));
    private readonly Lock _gate = new();
    private Task? _run;
    private volatile bool _done;

    /// <summary>Whether the set-up has completed.</summary>
    public bool IsDone => _done;

    /// <summary>Completes when the set-up has run successfully; throws what its failed run threw.</summary>
    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (_done)
        {
            return Task.CompletedTask;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        Task run;
        lock (_gate)
        {
            if (_run is null || _run.IsFaulted || _run.IsCanceled)
            {
                _run = RunAsync();
                // Every caller may have stopped waiting before a run fails: its failure is observed here, not left
                // to the finalizer's unobserved-exception event.
                _run.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            run = _run;
        }

        return cancellationToken.CanBeCanceled ? run.WaitAsync(cancellationToken) : run;
    }

    private async Task RunAsync()
    {
        // Off the caller's stack: the set-up's synchronous part does not run inside the lock.
        await Task.Yield();
        await _setup(CancellationToken.None).ConfigureAwait(false);
        _done = true;
    }
}
