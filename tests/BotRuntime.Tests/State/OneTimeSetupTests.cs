using BotRuntime.Storage;

namespace BotRuntime.Tests.State;

/// <summary>
/// The set-up every shared store runs before its first call (its table, its container): once per process however many
/// requests arrive together, again after a failure, and never failed for everyone by one request that gave up.
/// </summary>
public sealed class OneTimeSetupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Callers_arriving_together_share_one_run_and_later_callers_do_not_run_it_again()
    {
        var runs = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var setup = new OneTimeSetup(async _ =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
        });

        var waiting = Enumerable.Range(0, 20).Select(_ => Task.Run(() => setup.EnsureAsync(CancellationToken.None))).ToArray();
        await Task.Delay(50);
        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        release.SetResult();
        await Task.WhenAll(waiting).WaitAsync(Patience);
        await setup.EnsureAsync(CancellationToken.None);

        Assert.Equal(1, runs);
        Assert.True(setup.IsDone);
    }

    [Fact]
    public async Task A_failed_run_reaches_its_callers_and_the_next_caller_runs_it_again()
    {
        var runs = 0;
        var setup = new OneTimeSetup(async _ =>
        {
            await Task.Yield();
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new InvalidOperationException("database not up yet");
            }
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => setup.EnsureAsync(CancellationToken.None));
        Assert.Equal("database not up yet", failure.Message);
        Assert.False(setup.IsDone);

        await setup.EnsureAsync(CancellationToken.None);
        await setup.EnsureAsync(CancellationToken.None);
        Assert.Equal(2, runs);
        Assert.True(setup.IsDone);
    }

    [Fact]
    public async Task A_set_up_that_throws_before_its_first_await_fails_the_call_not_the_caller_and_is_retried()
    {
        var runs = 0;
        var setup = new OneTimeSetup(_ => Interlocked.Increment(ref runs) == 1 ? throw new TimeoutException() : Task.CompletedTask);

        await Assert.ThrowsAsync<TimeoutException>(() => setup.EnsureAsync(CancellationToken.None));
        await setup.EnsureAsync(CancellationToken.None);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_caller_that_gives_up_stops_waiting_while_the_run_completes_for_the_others()
    {
        var runs = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var setup = new OneTimeSetup(async token =>
        {
            Interlocked.Increment(ref runs);
            await release.Task.WaitAsync(token);
        });

        using var impatient = new CancellationTokenSource();
        var leaving = setup.EnsureAsync(impatient.Token);
        var staying = setup.EnsureAsync(CancellationToken.None);
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving).WaitAsync(Patience);
        Assert.False(staying.IsCompleted);

        release.SetResult();
        await staying.WaitAsync(Patience);
        await setup.EnsureAsync(CancellationToken.None);
        Assert.Equal(1, runs);
        Assert.True(setup.IsDone);
    }

    [Fact]
    public async Task A_caller_whose_token_is_already_cancelled_is_refused_without_starting_a_run_it_would_not_wait_for()
    {
        var runs = 0;
        var setup = new OneTimeSetup(_ =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => setup.EnsureAsync(new CancellationToken(canceled: true)));
        Assert.Equal(0, runs);
        await setup.EnsureAsync(CancellationToken.None);
        Assert.Equal(1, runs);
    }
}
