using System.Collections.Concurrent;
using System.Net;
using BotRuntime.Storage.Tests.Servers;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Storage.Tests;

/// <summary>
/// One host process on the embedded SQLite store (its group-commit writer): SIGKILL under load loses no turn whose
/// reply went out, and a state file another process keeps locked gets the visitor "try again in a moment" and the
/// instance out of the load balancer until the lock is gone, without a failed turn or a reset conversation.
/// </summary>
public sealed class SqliteHostTests : IDisposable
{
    private const string SendAgain = "Sorry, I could not keep up with that. Please send it again.";
    private const string TryAgain = "Sorry, I can't reach my memory right now. Please try again in a moment.";

    private readonly string _folder = Directory.CreateTempSubdirectory("b12-sqlite-host-").FullName;

    private Dictionary<string, string> Settings => new() { ["BotState:SqlitePath"] = Path.Combine(_folder, "state.db") };

    private static int CountOf(string reply) =>
        reply.StartsWith("count ", StringComparison.Ordinal) ? int.Parse(reply["count ".Length..], System.Globalization.CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"Unexpected reply: {reply}");

    [Fact]
    public async Task Killed_with_sigkill_under_load_the_host_loses_no_answered_turn_and_every_conversation_resumes()
    {
        var victim = await ScaleOutHostProcess.StartAsync("Sqlite", Settings);
        const int conversations = 30;
        var answered = new ConcurrentDictionary<string, int>();
        var unanswered = new ConcurrentDictionary<string, int>();
        var serverErrors = 0;
        using var stop = new CancellationTokenSource();

        var load = Enumerable.Range(0, conversations).Select(c => Task.Run(async () =>
        {
            var conversation = $"load-{c}";
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var (status, replies) = await victim.SendAsync(conversation, "one more");
                    if (status >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                    }
                    else if (replies.Count == 1 && replies[0] != SendAgain && replies[0] != TryAgain)
                    {
                        answered.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException)
                {
                    // Killed mid-turn: this turn may or may not have been saved; nothing more goes to this host.
                    unanswered.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                    return;
                }
            }
        })).ToList();

        // Kill once the load is real (on a busy machine that takes longer than on a quiet one), at most after 90 s.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (answered.Values.Sum() < 5 * conversations && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(100);
        }

        victim.KillHard();
        await stop.CancelAsync();
        await Task.WhenAll(load);
        await victim.DisposeAsync();
        await using var restarted = await ScaleOutHostProcess.StartAsync("Sqlite", Settings);

        var resumed = 0;
        foreach (var conversation in Enumerable.Range(0, conversations).Select(c => $"load-{c}"))
        {
            var acknowledged = answered.GetValueOrDefault(conversation);
            var (_, replies) = await restarted.SendAsync(conversation, "after restart");
            var count = CountOf(Assert.Single(replies));
            // Every answered turn is there; the one cut off by the kill may have been saved or not, never twice.
            if (count - 1 >= acknowledged && count - 1 <= acknowledged + unanswered.GetValueOrDefault(conversation))
            {
                resumed++;
            }
        }

        Console.WriteLine($"SQLite, kill -9 under load: {resumed}/{conversations} conversations resumed from their last answered turn; " +
            $"{answered.Values.Sum()} answered turns, {unanswered.Values.Sum()} cut off by the kill, {serverErrors} 5xx");
        Assert.Equal(conversations, resumed);
        Assert.Equal(0, serverErrors);
        Assert.True(answered.Values.Sum() > 4 * conversations, "The load was too light to mean anything.");
    }

    [Fact]
    public async Task While_another_process_locks_the_state_file_the_visitor_is_told_to_try_again_and_the_host_is_not_ready()
    {
        var settings = Settings;
        settings["BotState:SqliteBusyTimeout"] = "00:00:00.200";
        settings["BotState:Retry:MaxRetryAttempts"] = "1";
        settings["BotState:Retry:FirstDelay"] = "00:00:00.050";
        await using var host = await ScaleOutHostProcess.StartAsync("Sqlite", settings);
        Assert.Equal("count 1", Assert.Single((await host.SendAsync("locked", "one")).Replies));

        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = settings["BotState:SqlitePath"], Pooling = false }.ToString()))
        {
            other.Open();
            using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            hold.ExecuteNonQuery();

            var (status, during) = await host.SendAsync("locked", "two");
            Assert.Equal(200, status);
            Assert.Equal(TryAgain, Assert.Single(during));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Client.GetAsync("/readyz")).StatusCode);

            hold.CommandText = "ROLLBACK";
            hold.ExecuteNonQuery();
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/readyz")).StatusCode);
        // The conversation was neither reset nor counted twice: the refused turn left no trace.
        Assert.Equal("count 2", Assert.Single((await host.SendAsync("locked", "two again")).Replies));
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
