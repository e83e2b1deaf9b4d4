using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>
/// Findings 2, 3 and 6 on the Direct Line channel: bounded work per conversation, an echo that stores only what Web Chat
/// needs, tokens that cannot outlive their conversation, tokens kept out of access logs, and turns cancelled when the
/// client hangs up.
/// </summary>
public sealed class AbuseLimitTests
{
    [Fact]
    public async Task Finding3_posts_are_limited_per_conversation_with_429_and_retry_after()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:ActivityPostsPerMinute"] = "3" });
        var client = new DirectLineTestClient(host.Client);
        var flooded = await client.StartAsync();
        var other = await client.StartAsync();

        var statuses = new List<HttpStatusCode>();
        DirectLineResponse last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostMessageAsync(flooded, "hello " + i, "c-" + i);
            statuses.Add(last.Status);
        }

        var refreshed = await client.SendAsync(HttpMethod.Post, "tokens/refresh", flooded.Token);
        var withNewToken = await client.SendAsync(HttpMethod.Post, $"conversations/{flooded.Id}/activities", refreshed.Json!["token"]!.GetValue<string>(), DirectLineTestClient.Message("again"));
        var otherConversation = await client.PostMessageAsync(other, "hello");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("Throttled", last.ErrorCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, withNewToken.Status);
        Assert.Equal(HttpStatusCode.OK, otherConversation.Status);
    }

    [Fact]
    public async Task Finding3_one_turn_runs_per_conversation_one_more_may_wait_and_a_third_is_refused_at_once()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();

        var first = client.PostMessageAsync(conversation, "slow", "s-1");
        await WaitUntilAsync(() => host.Bot.Received.Any(a => a.Text == "slow"));
        var second = client.PostMessageAsync(conversation, "second", "s-2");
        await Task.Delay(300);
        var third = client.PostMessageAsync(conversation, "third", "s-3");
        await Task.WhenAny(third, Task.Delay(TimeSpan.FromSeconds(5)));
        var thirdDone = third.IsCompleted;
        host.Bot.ReleaseSlowTurns();

        Assert.True(thirdDone, "the third post should be refused at once, not queued");
        var refused = await third;
        Assert.Equal((HttpStatusCode.TooManyRequests, "TurnInProgress"), (refused.Status, refused.ErrorCode));
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await first).Status);
        Assert.Equal(HttpStatusCode.OK, (await second).Status);
        var texts = ActivityTests.Texts(await client.GetActivitiesAsync(conversation));
        Assert.DoesNotContain("third", texts);
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(conversation, "fourth", "s-4")).Status);
    }

    [Fact]
    public async Task Finding3_the_stored_echo_keeps_only_what_web_chat_needs_while_the_bot_gets_the_whole_activity()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();
        var pad = new string('x', 20_000);
        var message = JsonNode.Parse(DirectLineTestClient.Message("hello", "pad-1"))!.AsObject();
        message["channelData"]!["pad"] = pad;
        message["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/plain", ["content"] = pad });
        var padEvent = new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat/join",
            ["value"] = new JsonObject { ["pad"] = pad },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "pad-2" },
        };

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation.Token, message.ToJsonString())).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation.Token, padEvent.ToJsonString())).Status);
        var history = await client.GetActivitiesAsync(conversation);

        var echoes = history["activities"]!.AsArray().Where(a => a!["from"]!["role"]?.GetValue<string>() == "user").ToList();
        Assert.Equal(2, echoes.Count);
        Assert.All(echoes, echo => Assert.True(echo!.ToJsonString().Length < 1000, "an echo should be small: " + echo.ToJsonString().Length));
        Assert.Equal("hello", echoes[0]!["text"]!.GetValue<string>());
        Assert.Equal(["clientActivityID"], echoes[0]!["channelData"]!.AsObject().Select(p => p.Key));
        Assert.Equal("pad-1", echoes[0]!["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("webchat/join", echoes[1]!["name"]!.GetValue<string>());
        Assert.Null(echoes[1]!["value"]);
        var received = host.Bot.Received.Single(a => a.Name == "webchat/join");
        Assert.Equal(pad, received.Value!.Value.GetProperty("pad").GetString());
    }

    [Fact]
    public async Task Finding6_refresh_and_reconnect_cannot_carry_a_conversation_past_its_lifetime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:ConversationLifetime"] = "01:00:00" }, time);
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();

        var token = conversation.Token;
        for (var i = 0; i < 2; i++)
        {
            time.Advance(TimeSpan.FromMinutes(25));
            var refreshed = await client.SendAsync(HttpMethod.Post, "tokens/refresh", token);
            Assert.Equal(HttpStatusCode.OK, refreshed.Status);
            token = refreshed.Json!["token"]!.GetValue<string>();
            var reconnected = await client.SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}", token);
            Assert.Equal(HttpStatusCode.OK, reconnected.Status);
            token = reconnected.Json!["token"]!.GetValue<string>();
        }

        // 50 minutes in: the freshest token still ends with the conversation, an hour after it started.
        Assert.Equal(10 * 60, (await client.SendAsync(HttpMethod.Post, "tokens/refresh", token)).Json!["expires_in"]!.GetValue<int>());
        time.Advance(TimeSpan.FromMinutes(11));
        var late = await client.SendAsync(HttpMethod.Post, "tokens/refresh", token);
        var lateReconnect = await client.SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}", token);
        var latePost = await client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", token, DirectLineTestClient.Message("still there?"));

        Assert.Equal((HttpStatusCode.Forbidden, "TokenExpired"), (late.Status, late.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "TokenExpired"), (lateReconnect.Status, lateReconnect.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "TokenExpired"), (latePost.Status, latePost.ErrorCode));
    }

    [Fact]
    public async Task Finding6_no_usable_token_reaches_the_access_log_not_even_from_the_websocket_url()
    {
        var logs = new FakeLogCollector();
        await using var host = await DirectLineTestHost.StartAsync(logging: builder => builder.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();

        using (var socket = new ClientWebSocket())
        {
            await socket.ConnectAsync(new Uri(conversation.StreamUrl), new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await client.PostMessageAsync(conversation, "hello");
        var streamCredential = Uri.UnescapeDataString(conversation.StreamUrl[(conversation.StreamUrl.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);
        var postWithStreamCredential = await client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", streamCredential, DirectLineTestClient.Message("from the log"));
        var refreshWithStreamCredential = await client.SendAsync(HttpMethod.Post, "tokens/refresh", streamCredential);

        var log = logs.Entries;
        Assert.Contains(log, line => line.Contains("/stream", StringComparison.Ordinal));
        Assert.DoesNotContain(log, line => line.Contains(conversation.Token, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, postWithStreamCredential.Status);
        Assert.Equal(HttpStatusCode.Forbidden, refreshWithStreamCredential.Status);
    }

    [Fact]
    public async Task Finding2_a_turn_is_cancelled_when_the_client_hangs_up()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();

        using (var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineTestClient.Base}/conversations/{conversation.Id}/activities"))
        {
            request.Headers.Authorization = new("Bearer", conversation.Token);
            request.Content = new StringContent(DirectLineTestClient.Message("slow"), System.Text.Encoding.UTF8, "application/json");
            using var hangUp = new CancellationTokenSource();
            var sending = host.Client.SendAsync(request, hangUp.Token);
            await WaitUntilAsync(() => host.Bot.Received.Any(a => a.Text == "slow"));
            await hangUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        }

        await WaitUntilAsync(() => host.Bot.CancelledSlowTurns == 1);
        host.Bot.ReleaseSlowTurns();
        Assert.Equal(1, host.Bot.CancelledSlowTurns);
        await Task.Delay(200);
        Assert.DoesNotContain("Sorry for the wait.", ActivityTests.Texts(await client.GetActivitiesAsync(conversation)));
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(conversation, "hello again", "after")).Status);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting");
            await Task.Delay(20);
        }
    }
}
