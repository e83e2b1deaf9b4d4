using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BotRuntime.Storage.Tests.Servers;

namespace BotRuntime.Storage.Tests.DirectLine;

/// <summary>
/// Direct Line on two host processes that share one PostgreSQL database, with every request of a visitor going to
/// either instance, as behind a load balancer without sticky sessions. The bot answers each message with "count N",
/// N counting the conversation's messages, so a reply lost, repeated or out of order shows.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DirectLineTwoInstanceTests(PostgreSqlServer server)
{
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_polling_visitor_alternating_between_instances_sees_one_conversation_every_reply_once_in_order()
    {
        var (a, b) = await StartTwoInstancesAsync();
        await using var first = a;
        await using var second = b;

        var visitor = await DirectLineVisitor.GetTokenAsync(first);
        await visitor.StartAsync(second);
        var seen = new List<JsonObject>();
        for (var turn = 1; turn <= 6; turn++)
        {
            // Post on one instance, poll from the other, as a load balancer may send them.
            var (postTo, pollFrom) = turn % 2 == 1 ? (second, first) : (first, second);
            var id = await visitor.PostAsync(postTo, $"message {turn}");
            Assert.StartsWith(visitor.ConversationId + "|", id, StringComparison.Ordinal);
            seen.AddRange(await visitor.PollAsync(pollFrom));
        }

        seen.AddRange(await visitor.PollAsync(first));
        seen.AddRange(await visitor.PollAsync(second));
        Assert.Equal(Transcript(1, 6), Texts(seen));
        AssertIdsAscend(seen, visitor.ConversationId);
    }

    [Fact]
    public async Task A_websocket_on_one_instance_gets_every_reply_to_posts_on_the_other_once_and_in_order()
    {
        var (a, b) = await StartTwoInstancesAsync();
        await using var first = a;
        await using var second = b;

        var visitor = await DirectLineVisitor.GetTokenAsync(first);
        await visitor.StartAsync(first);
        await using var stream = await visitor.OpenStreamAsync(second);
        var streamed = new List<JsonObject>();
        for (var turn = 1; turn <= 6; turn++)
        {
            // Each turn's echo and reply must arrive before the next post: a post on the stream's own instance would
            // otherwise make it re-read and hide a missing notice from the other instance.
            await visitor.PostAsync(turn % 3 == 0 ? second : first, $"message {turn}");
            streamed.AddRange(await stream.TakeAsync(2, StreamWait));
        }

        Assert.Equal(Transcript(1, 6), Texts(streamed));
        AssertIdsAscend(streamed, visitor.ConversationId);
        Assert.Empty(await stream.ExtraAfterAsync(TimeSpan.FromSeconds(1)));

        // The page reloads, is sent to the other instance and resumes from its watermark: only what is new comes.
        var lastWatermark = streamed[^1]["id"]!.GetValue<string>().Split('|')[1].TrimStart('0');
        visitor.ResumeFrom(lastWatermark);
        await using var reloaded = await visitor.OpenStreamAsync(first);
        await visitor.PostAsync(second, "message 7");
        Assert.Equal(Transcript(7, 7), Texts(await reloaded.TakeAsync(2, StreamWait)));
    }

    [Fact]
    public async Task Twenty_visitors_at_once_each_see_only_their_own_replies_once_and_in_order_on_either_instance()
    {
        var (a, b) = await StartTwoInstancesAsync();
        await using var first = a;
        await using var second = b;
        var hosts = new[] { first, second };
        const int visitors = 20;
        const int turns = 5;
        var failures = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, visitors).Select(async v =>
        {
            var visitor = await DirectLineVisitor.GetTokenAsync(hosts[v % 2]);
            await visitor.StartAsync(hosts[(v + 1) % 2]);
            // Half the visitors stream from A, half from B; every visitor's posts alternate between the two.
            await using var stream = await visitor.OpenStreamAsync(hosts[v % 2]);
            var streamed = new List<string>();
            for (var turn = 1; turn <= turns; turn++)
            {
                // Each turn arrives before the next post, so a post on the stream's own instance cannot cover for a
                // notice from the other instance that never came.
                await visitor.PostAsync(hosts[(v + turn) % 2], $"message {turn}");
                streamed.AddRange(Texts(await stream.TakeAsync(2, StreamWait)));
            }

            var polled = Texts(await visitor.PollAsync(hosts[(v + 1) % 2]));
            if (!streamed.SequenceEqual(Transcript(1, turns)) || !polled.SequenceEqual(Transcript(1, turns)))
            {
                failures.Add($"visitor {v}: streamed [{string.Join(", ", streamed)}], polled [{string.Join(", ", polled)}]");
            }

            if (await stream.ExtraAfterAsync(TimeSpan.FromMilliseconds(500)) is { Count: > 0 } extra)
            {
                failures.Add($"visitor {v}: {extra.Count} activities came again");
            }
        }));

        Assert.Empty(failures);
    }

    [Fact]
    public async Task An_instance_for_several_instances_without_a_token_signing_key_refuses_to_start_and_says_why()
    {
        var settings = new Dictionary<string, string> { ["BotState:PostgreSql:ConnectionString"] = await server.CreateDatabaseAsync() };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ScaleOutHostProcess.StartAsync("PostgreSql", settings));

        Assert.Contains("The scale-out host exited", refused.Message, StringComparison.Ordinal);
        Assert.Contains("DirectLine:TokenSigningKey is required when several instances serve Direct Line", refused.Message, StringComparison.Ordinal);
    }

    private async Task<(ScaleOutHostProcess First, ScaleOutHostProcess Second)> StartTwoInstancesAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["BotState:PostgreSql:ConnectionString"] = await server.CreateDatabaseAsync(),
            ["DirectLine:TokenSigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            // Every visitor of these tests comes from 127.0.0.1: the per-address quotas would measure the test, not the channel.
            ["DirectLine:TokenRequestsPerMinute"] = "0",
            ["DirectLine:ActivityPostsPerMinute"] = "0",
        };
        var first = await ScaleOutHostProcess.StartAsync("PostgreSql", settings);
        try
        {
            return (first, await ScaleOutHostProcess.StartAsync("PostgreSql", settings));
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the visitor should see for messages <paramref name="from"/>..<paramref name="to"/>: each message's echo, then its reply.</summary>
    private static List<string> Transcript(int from, int to) =>
        Enumerable.Range(from, to - from + 1).SelectMany(n => new[] { $"user: message {n}", $"bot: count {n}" }).ToList();

    private static List<string> Texts(IEnumerable<JsonObject> activities) =>
        activities.Where(a => a["type"]?.GetValue<string>() == "message")
            .Select(a => $"{a["from"]?["role"]?.GetValue<string>()}: {a["text"]?.GetValue<string>()}").ToList();

    private static void AssertIdsAscend(List<JsonObject> activities, string conversationId)
    {
        var sequences = activities.Select(a => a["id"]!.GetValue<string>()).Select(id =>
        {
            Assert.StartsWith(conversationId + "|", id, StringComparison.Ordinal);
            return long.Parse(id[(conversationId.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }
}
