using System.Collections.Concurrent;
using BotRuntime.Storage.Tests.Servers;

namespace BotRuntime.Storage.Tests;

/// <summary>
/// Two host processes on one PostgreSQL database, as behind a load balancer. Each turn adds one to its conversation's
/// counter, so the end state counts every turn that took effect.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class TwoInstanceTests(PostgreSqlServer server)
{
    private const string SendAgain = "Sorry, I could not keep up with that. Please send it again.";

    // The host serves Direct Line too, and with PostgreSQL that means several instances: it starts only with a shared key.
    private static readonly string SigningKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static int CountOf(string reply) =>
        reply.StartsWith("count ", StringComparison.Ordinal) ? int.Parse(reply["count ".Length..], System.Globalization.CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"Unexpected reply: {reply}");

    [Fact]
    public async Task Fifty_conversations_with_simultaneous_turns_on_both_instances_keep_every_turn()
    {
        var settings = new Dictionary<string, string> { ["BotState:PostgreSql:ConnectionString"] = await server.CreateDatabaseAsync(), ["DirectLine:TokenSigningKey"] = SigningKey };
        await using var first = await ScaleOutHostProcess.StartAsync("PostgreSql", settings);
        await using var second = await ScaleOutHostProcess.StartAsync("PostgreSql", settings);
        const int conversations = 50;
        const int rounds = 4;
        var counts = Enumerable.Range(0, conversations).ToDictionary(c => $"conv-{c}", _ => new ConcurrentBag<int>());
        var statuses = new ConcurrentBag<int>();
        var askedAgain = 0;

        for (var round = 0; round < rounds; round++)
        {
            // Every conversation gets one turn on each instance at the same moment: 100 requests in flight.
            await Task.WhenAll(counts.Keys.SelectMany(conversation => new[] { first, second }.Select(async host =>
            {
                var (status, replies) = await host.SendAsync(conversation, $"turn {round}");
                statuses.Add(status);
                foreach (var reply in replies)
                {
                    if (reply == SendAgain)
                    {
                        Interlocked.Increment(ref askedAgain);
                    }
                    else
                    {
                        counts[conversation].Add(CountOf(reply));
                    }
                }
            })));
        }

        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Equal(0, askedAgain);
        foreach (var (conversation, seen) in counts)
        {
            // Each turn saw all earlier ones (no lost update, no reset): the replies count 1..8 exactly once each.
            Assert.Equal(Enumerable.Range(1, 2 * rounds), seen.Order());
            var (_, last) = await first.SendAsync(conversation, "check");
            Assert.Equal(2 * rounds + 1, CountOf(Assert.Single(last)));
        }
    }

    [Fact]
    public async Task An_instance_killed_with_sigkill_under_load_loses_no_acknowledged_turn_and_every_conversation_resumes()
    {
        var settings = new Dictionary<string, string> { ["BotState:PostgreSql:ConnectionString"] = await server.CreateDatabaseAsync(), ["DirectLine:TokenSigningKey"] = SigningKey };
        await using var survivor = await ScaleOutHostProcess.StartAsync("PostgreSql", settings);
        var victim = await ScaleOutHostProcess.StartAsync("PostgreSql", settings);
        const int conversations = 30;
        var acknowledged = new ConcurrentDictionary<string, int>();
        var unanswered = new ConcurrentDictionary<string, int>();
        var serverErrors = 0;
        // Warm both instances (JIT, connection pools) so the clock below measures load, not start-up.
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
        {
            foreach (var host in new[] { survivor, victim })
            {
                var (_, replies) = await host.SendAsync($"load-{c}", "warm up");
                CountOf(Assert.Single(replies));
                acknowledged.AddOrUpdate($"load-{c}", 1, (_, n) => n + 1);
            }
        }));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        var killed = false;

        var load = Enumerable.Range(0, conversations).Select(c => Task.Run(async () =>
        {
            var conversation = $"load-{c}";
            for (var turn = 0; !stop.IsCancellationRequested; turn++)
            {
                var host = turn % 2 == 0 || Volatile.Read(ref killed) ? survivor : victim;
                try
                {
                    var (status, replies) = await host.SendAsync(conversation, $"turn {turn}");
                    if (status >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                    }
                    else if (replies.Count == 1 && replies[0] != SendAgain)
                    {
                        acknowledged.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException)
                {
                    // The killed instance dropped the connection: this turn may or may not have been saved.
                    unanswered.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        victim.KillHard();
        Volatile.Write(ref killed, true);
        await Task.WhenAll(load);
        await victim.DisposeAsync();
        await using var restarted = await ScaleOutHostProcess.StartAsync("PostgreSql", settings);

        var resumed = 0;
        foreach (var conversation in Enumerable.Range(0, conversations).Select(c => $"load-{c}"))
        {
            var acked = acknowledged.GetValueOrDefault(conversation);
            var (_, replies) = await restarted.SendAsync(conversation, "after restart");
            var count = CountOf(Assert.Single(replies));
            // Every acknowledged turn is there; a turn cut off by the kill may have been saved or not, never twice.
            if (count - 1 >= acked && count - 1 <= acked + unanswered.GetValueOrDefault(conversation))
            {
                resumed++;
            }
        }

        Console.WriteLine($"kill -9 under load: {resumed}/{conversations} conversations resumed from their last completed turn; " +
            $"{acknowledged.Values.Sum()} acknowledged turns, {unanswered.Values.Sum()} cut off by the kill, {serverErrors} 5xx");
        Assert.Equal(conversations, resumed);
        Assert.Equal(0, serverErrors);
        Assert.True(acknowledged.Values.Sum() > 4 * conversations, "The load was too light to mean anything.");
    }

    [Fact]
    public async Task While_postgresql_is_down_the_host_stays_up_says_try_again_and_is_not_ready_then_resumes()
    {
        var settings = new Dictionary<string, string>
        {
            ["BotState:PostgreSql:ConnectionString"] = await server.CreateDatabaseAsync() + ";Timeout=2",
            ["BotState:Retry:FirstDelay"] = "00:00:00.050",
            ["DirectLine:TokenSigningKey"] = SigningKey,
        };
        await using var host = await ScaleOutHostProcess.StartAsync("PostgreSql", settings);
        var (_, before) = await host.SendAsync("outage", "one");
        Assert.Equal("count 1", Assert.Single(before));

        await server.StopAsync();
        try
        {
            var (status, during) = await host.SendAsync("outage", "two");
            Assert.Equal(200, status);
            Assert.Equal("Sorry, I can't reach my memory right now. Please try again in a moment.", Assert.Single(during));
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await host.Client.GetAsync("/readyz")).StatusCode);
        }
        finally
        {
            await server.StartAgainAsync();
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client.GetAsync("/readyz")).StatusCode);
        var (_, after) = await host.SendAsync("outage", "two again");
        Assert.Equal("count 2", Assert.Single(after));
    }
}
