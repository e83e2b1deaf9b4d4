using System.Net;
using System.Text.Json.Nodes;
using B12Bot.WebChat.Tests.Support;
using BotRuntime.Schema;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>Posting activities, the echo Web Chat waits for, what the bot receives, and polling by watermark.</summary>
public sealed class ActivityTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;
    private DirectLineTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await DirectLineTestHost.StartAsync();
        _client = new DirectLineTestClient(_host.Client);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_posted_message_is_answered_with_its_id_after_the_bot_replied_and_both_are_in_the_history()
    {
        var conversation = await _client.StartAsync();

        var posted = await _client.PostMessageAsync(conversation, "hello there", clientActivityId: "abc-123");

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal($"{conversation.Id}|0000002", posted.Json!["id"]!.GetValue<string>());
        var history = await _client.GetActivitiesAsync(conversation, watermark: "1");
        var activities = history["activities"]!.AsArray();
        Assert.Equal(2, activities.Count);
        Assert.Equal("3", history["watermark"]!.GetValue<string>());

        var echo = activities[0]!;
        Assert.Equal($"{conversation.Id}|0000002", echo["id"]!.GetValue<string>());
        Assert.Equal("hello there", echo["text"]!.GetValue<string>());
        Assert.Equal("abc-123", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.Equal(TokenTests.JwtPayload(conversation.Token)["user"]!.GetValue<string>(), echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("webchat", echo["channelId"]!.GetValue<string>());
        Assert.Equal(conversation.Id, echo["conversation"]!["id"]!.GetValue<string>());
        Assert.EndsWith("Z", echo["timestamp"]!.GetValue<string>());
        Assert.Null(echo["serviceUrl"]);

        var reply = activities[1]!;
        Assert.Equal($"{conversation.Id}|0000003", reply["id"]!.GetValue<string>());
        Assert.Equal("You said: hello there", reply["text"]!.GetValue<string>());
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.Equal(echo["id"]!.GetValue<string>(), reply["replyToId"]!.GetValue<string>());
        Assert.Null(reply["serviceUrl"]);
        Assert.Null(reply["deliveryMode"]);
    }

    [Fact]
    public async Task The_bot_receives_a_Bot_Framework_activity_from_the_user_addressed_to_the_bot()
    {
        var conversation = await _client.StartAsync();

        await _client.PostMessageAsync(conversation, "hi", clientActivityId: "c-1");

        var message = _host.Bot.Received.Last();
        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal("webchat", message.ChannelId);
        Assert.Equal($"{conversation.Id}|0000002", message.Id);
        Assert.NotNull(message.Timestamp);
        Assert.Equal(RoleTypes.User, message.From?.Role);
        Assert.Equal(TokenTests.JwtPayload(conversation.Token)["user"]!.GetValue<string>(), message.From?.Id);
        Assert.Equal("bot", message.Recipient?.Id);
        Assert.Equal(RoleTypes.Bot, message.Recipient?.Role);
        Assert.Equal(conversation.Id, message.Conversation?.Id);
        Assert.False(string.IsNullOrEmpty(message.ServiceUrl));
        Assert.Equal("en-GB", message.Locale);
        Assert.Equal("c-1", message.ChannelData?.GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public async Task Events_and_card_submits_reach_the_bot_and_are_echoed()
    {
        var conversation = await _client.StartAsync();
        var eventBody = """{"type":"event","name":"webchat/join","value":{"language":"en"},"from":{"id":"r_client"},"channelData":{"clientActivityID":"e-1"}}""";
        var submitBody = """{"type":"message","value":{"answer":"yes"},"from":{"id":"r_client"},"channelData":{"clientActivityID":"s-1"}}""";

        var eventResponse = await _client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation.Token, eventBody);
        var submitResponse = await _client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation.Token, submitBody);

        Assert.Equal(HttpStatusCode.OK, eventResponse.Status);
        Assert.Equal(HttpStatusCode.OK, submitResponse.Status);
        Assert.Contains(_host.Bot.Received, a => a.Type == ActivityTypes.Event && a.Name == "webchat/join");
        Assert.Contains(_host.Bot.Received, a => a.Type == ActivityTypes.Message && a.Value?.GetProperty("answer").GetString() == "yes");
        var texts = Texts(await _client.GetActivitiesAsync(conversation));
        Assert.Contains("Event received: webchat/join", texts);
        Assert.Contains("Card answer received: {\"answer\":\"yes\"}", texts);
        var echoes = (await _client.GetActivitiesAsync(conversation))["activities"]!.AsArray()
            .Select(a => a!["channelData"]?["clientActivityID"]?.GetValue<string>()).Where(id => id is not null);
        Assert.Equal(["e-1", "s-1"], echoes);
    }

    [Fact]
    public async Task Typing_reaches_the_bot_but_is_not_kept_in_the_history()
    {
        var conversation = await _client.StartAsync();

        var response = await _client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation.Token, """{"type":"typing","from":{"id":"r_client"}}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(_host.Bot.Received, a => a.Type == ActivityTypes.Typing);
        Assert.Single((await _client.GetActivitiesAsync(conversation))["activities"]!.AsArray());
    }

    [Fact]
    public async Task Trace_and_typing_replies_are_not_stored_only_real_replies_are()
    {
        var conversation = await _client.StartAsync();

        await _client.PostMessageAsync(conversation, "trace", "t-1");
        await _client.PostMessageAsync(conversation, "typing", "t-2");

        var types = (await _client.GetActivitiesAsync(conversation))["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>());
        Assert.All(types, type => Assert.Equal("message", type));
        Assert.Equal([ScriptedTestBot.Welcome, "trace", "Traced.", "typing", "Done typing."], Texts(await _client.GetActivitiesAsync(conversation)));
    }

    [Fact]
    public async Task Polling_pages_by_watermark_and_never_moves_the_watermark_back()
    {
        var conversation = await _client.StartAsync();
        await _client.PostMessageAsync(conversation, "one", "c-1");
        await _client.PostMessageAsync(conversation, "two", "c-2");

        var all = await _client.GetActivitiesAsync(conversation, "");
        var afterThree = await _client.GetActivitiesAsync(conversation, "3");
        var upToDate = await _client.GetActivitiesAsync(conversation, "5");

        Assert.Equal(5, all["activities"]!.AsArray().Count);
        Assert.Equal("5", all["watermark"]!.GetValue<string>());
        Assert.Equal(["two", "You said: two"], Texts(afterThree));
        Assert.Empty(upToDate["activities"]!.AsArray());
        Assert.Equal("5", upToDate["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_bot_turn_gets_502_and_the_users_message_is_kept()
    {
        var conversation = await _client.StartAsync();

        var response = await _client.PostMessageAsync(conversation, "fail");

        Assert.Equal((HttpStatusCode.BadGateway, "BotRejectedActivity"), (response.Status, response.ErrorCode));
        Assert.Equal([ScriptedTestBot.Welcome, "fail"], Texts(await _client.GetActivitiesAsync(conversation)));

        // The conversation goes on.
        var next = await _client.PostMessageAsync(conversation, "still there?", "c-2");
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task With_the_products_error_handler_a_failing_turn_apologises_instead()
    {
        await using var host = await DirectLineTestHost.StartAsync(withErrorHandler: true);
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();

        var response = await client.PostMessageAsync(conversation, "fail");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Sorry, something went wrong on my side. Please try again.", Texts(await client.GetActivitiesAsync(conversation)).Last());
    }

    [Fact]
    public async Task A_bot_slower_than_the_timeout_gets_502_BotTimeout_and_its_late_answer_still_arrives()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:BotTurnTimeout"] = "00:00:05" }, time);
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();

        var posting = client.PostMessageAsync(conversation, "slow");
        for (var i = 0; i < 200 && !posting.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        var response = await posting;
        Assert.Equal((HttpStatusCode.BadGateway, "BotTimeout"), (response.Status, response.ErrorCode));

        host.Bot.ReleaseSlowTurns();
        var texts = await Eventually(async () => Texts(await client.GetActivitiesAsync(conversation)), t => t.Contains("Sorry for the wait."));
        Assert.Equal([ScriptedTestBot.Welcome, "slow", "Sorry for the wait."], texts);
    }

    internal static List<string> Texts(JsonObject set) =>
        set["activities"]!.AsArray().Select(a => a!["text"]?.GetValue<string>()).OfType<string>().ToList();

    internal static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(50);
            value = await read();
        }

        return value;
    }
}
