using BotRuntime.Storage;
using BotRuntime.Tests.Support;

namespace BotRuntime.Tests.State;

/// <summary>
/// Two hosts on one store, as behind a load balancer: turns of one conversation that reach both at the same moment all
/// count, replies leave only after the state is saved, and neither a lost race nor a store outage resets the conversation.
/// </summary>
public sealed class NoLostTurnsTests
{
    private const string ConflictMessage = "Sorry, I could not keep up with that. Please send it again.";
    private const string UnavailableMessage = "Sorry, I can't reach my memory right now. Please try again in a moment.";

    [Fact]
    public async Task Two_simultaneous_turns_on_two_hosts_both_count_and_each_reply_says_a_different_count()
    {
        var store = new FaultyStorage(new MemoryStorage());
        await using var first = await LoopbackBotHost.StartAsync(store);
        await using var second = await LoopbackBotHost.StartAsync(store);
        var seen = new List<int>();

        for (var round = 0; round < 20; round++)
        {
            var responses = await Task.WhenAll(
                first.Client.PostAsync(Activities.Message($"slow a{round}", conversationId: "shared")),
                second.Client.PostAsync(Activities.Message($"slow b{round}", conversationId: "shared")));
            foreach (var response in responses)
            {
                // One reply per turn: a reply of a run that lost its save never leaves.
                seen.Add(int.Parse(Assert.Single(await response.RepliesAsync()).Text!["count ".Length..]));
            }
        }

        Assert.Equal(Enumerable.Range(1, 40), seen.Order());
        Assert.True(store.Conflicts > 0, "The two hosts never raced: the test did not exercise a conflict.");
        var after = await first.Client.PostAsync(Activities.Message("last", conversationId: "shared"));
        Assert.Equal("count 41", Assert.Single(await after.RepliesAsync()).Text);
    }

    [Fact]
    public async Task Many_turns_spread_over_two_hosts_lose_nothing_and_never_reset_the_conversation()
    {
        var store = new FaultyStorage(new MemoryStorage());
        await using var first = await LoopbackBotHost.StartAsync(store);
        await using var second = await LoopbackBotHost.StartAsync(store);
        const int turns = 30;

        var responses = await Task.WhenAll(Enumerable.Range(0, turns).Select(i =>
            (i % 2 == 0 ? first : second).Client.PostAsync(Activities.Message($"m{i}", conversationId: "busy"))));

        var counted = new List<int>();
        var askedAgain = 0;
        foreach (var response in responses)
        {
            var text = Assert.Single(await response.RepliesAsync()).Text!;
            if (text == ConflictMessage)
            {
                askedAgain++;
            }
            else
            {
                counted.Add(int.Parse(text["count ".Length..]));
            }
        }

        // Every counted turn saw every earlier one, and a turn told to send again left no trace.
        Assert.Equal(Enumerable.Range(1, counted.Count), counted.Order());
        Assert.Equal(turns, counted.Count + askedAgain);
        var after = await second.Client.PostAsync(Activities.Message("last", conversationId: "busy"));
        Assert.Equal($"count {counted.Count + 1}", Assert.Single(await after.RepliesAsync()).Text);
    }

    [Fact]
    public async Task A_save_that_keeps_losing_asks_to_send_again_sends_no_other_reply_and_keeps_the_conversation()
    {
        var store = new FaultyStorage(new MemoryStorage());
        await using var host = await LoopbackBotHost.StartAsync(store);
        await host.Client.PostAsync(Activities.Message("one", conversationId: "kept"));

        store.EveryWriteConflicts = true;
        var lost = await host.Client.PostAsync(Activities.Message("two", conversationId: "kept"));
        Assert.Equal(ConflictMessage, Assert.Single(await lost.RepliesAsync()).Text);
        Assert.Equal(3, store.Conflicts);

        store.EveryWriteConflicts = false;
        var resent = await host.Client.PostAsync(Activities.Message("two again", conversationId: "kept"));
        Assert.Equal("count 2", Assert.Single(await resent.RepliesAsync()).Text);
    }

    [Fact]
    public async Task A_store_that_is_down_gets_a_short_try_again_not_an_error_and_the_conversation_resumes()
    {
        var store = new FaultyStorage(new MemoryStorage());
        await using var host = await LoopbackBotHost.StartAsync(store);
        await host.Client.PostAsync(Activities.Message("one", conversationId: "outage"));

        store.Down = true;
        var during = await host.Client.PostAsync(Activities.Message("two", conversationId: "outage"));
        Assert.True(during.IsSuccessStatusCode, $"HTTP {(int)during.StatusCode} while the store was down");
        Assert.Equal(UnavailableMessage, Assert.Single(await during.RepliesAsync()).Text);
        var health = await new StorageHealthCheck(store).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);

        store.Down = false;
        var after = await host.Client.PostAsync(Activities.Message("two again", conversationId: "outage"));
        Assert.Equal("count 2", Assert.Single(await after.RepliesAsync()).Text);
        health = await new StorageHealthCheck(store).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status);
    }
}
