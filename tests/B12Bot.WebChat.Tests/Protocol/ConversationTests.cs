using System.Net;
using System.Text.RegularExpressions;
using B12Bot.WebChat.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>Starting and reconnecting to conversations, and what the bot sees when a conversation starts.</summary>
public sealed partial class ConversationTests : IAsyncLifetime
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
    public async Task Start_returns_201_with_token_expiry_and_a_websocket_stream_url()
    {
        var (conversationId, token) = await _client.GenerateTokenAsync();

        var response = await _client.SendAsync(HttpMethod.Post, "conversations", token, """{"user":{"id":"r_client"},"locale":"en-GB"}""");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(conversationId, response.Json!["conversationId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(response.Json!["token"]!.GetValue<string>()));
        Assert.Equal(1800, response.Json!["expires_in"]!.GetValue<int>());
        var streamUrl = response.Json!["streamUrl"]!.GetValue<string>();
        Assert.StartsWith($"ws://127.0.0.1:{_host.BaseAddress.Port}/v3/directline/conversations/{conversationId}/stream?t=", streamUrl);
    }

    [Fact]
    public async Task Start_sends_the_bot_a_conversationUpdate_adding_bot_and_user_so_the_welcome_runs()
    {
        var conversation = await _client.StartAsync(locale: "en-GB");

        var update = Assert.Single(_host.Bot.Received);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal("webchat", update.ChannelId);
        Assert.Equal(conversation.Id, update.Conversation?.Id);
        Assert.Equal("bot", update.Recipient?.Id);
        Assert.Equal(["bot", UserOf(conversation)], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal("en-GB", update.Locale);
        Assert.StartsWith(_host.BaseAddress.GetLeftPart(UriPartial.Authority), update.ServiceUrl);

        var history = await _client.GetActivitiesAsync(conversation);
        var welcome = Assert.Single(history["activities"]!.AsArray());
        Assert.Equal(ScriptedTestBot.Welcome, welcome!["text"]!.GetValue<string>());
        Assert.Equal($"{conversation.Id}|0000001", welcome["id"]!.GetValue<string>());
        Assert.Equal("bot", welcome["from"]!["role"]!.GetValue<string>());
        Assert.Equal("webchat", welcome["channelId"]!.GetValue<string>());
        Assert.Equal(conversation.Id, welcome["conversation"]!["id"]!.GetValue<string>());
        Assert.Matches(IsoUtc(), welcome["timestamp"]!.GetValue<string>());
        Assert.Null(welcome["replyToId"]); // nothing the client has: Web Chat would wait for it
        Assert.Equal(ScriptedTestBot.QuickReply, welcome["suggestedActions"]!["actions"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("1", history["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task Starting_an_already_started_conversation_returns_200_and_does_not_welcome_twice()
    {
        var conversation = await _client.StartAsync();

        var again = await _client.SendAsync(HttpMethod.Post, "conversations", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(conversation.Id, again.Json!["conversationId"]!.GetValue<string>());
        Assert.Single(_host.Bot.Received);
        Assert.Single((await _client.GetActivitiesAsync(conversation))["activities"]!.AsArray());
    }

    [Fact]
    public async Task Start_with_the_secret_creates_a_new_conversation_and_hands_out_its_token()
    {
        var first = await _client.SendAsync(HttpMethod.Post, "conversations", DirectLineTestHost.Secret);
        var second = await _client.SendAsync(HttpMethod.Post, "conversations", DirectLineTestHost.Secret);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        var id = first.Json!["conversationId"]!.GetValue<string>();
        Assert.NotEqual(id, second.Json!["conversationId"]!.GetValue<string>());
        Assert.Equal(id, TokenTests.JwtPayload(first.Json!["token"]!.GetValue<string>())["conv"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_user_in_the_token_wins_over_the_user_the_client_names()
    {
        var (_, token) = await _client.GenerateTokenAsync(userId: "dl_verified");

        await _client.SendAsync(HttpMethod.Post, "conversations", token, """{"user":{"id":"someone-else"}}""");

        var update = Assert.Single(_host.Bot.Received);
        Assert.Contains(update.MembersAdded!, m => m.Id == "dl_verified");
        Assert.DoesNotContain(update.MembersAdded!, m => m.Id == "someone-else");
    }

    [Fact]
    public async Task Reconnect_returns_a_fresh_token_and_a_stream_url_that_replays_from_the_watermark()
    {
        var conversation = await _client.StartAsync();

        var response = await _client.SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}?watermark=1", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(conversation.Id, response.Json!["conversationId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(response.Json!["token"]!.GetValue<string>()));
        Assert.EndsWith("&watermark=1", response.Json!["streamUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_conversation_gets_404_so_directlinejs_treats_it_as_ended()
    {
        var (neverStarted, token) = await _client.GenerateTokenAsync();

        var withToken = await _client.SendAsync(HttpMethod.Get, $"conversations/{neverStarted}?watermark=", token);
        var withSecret = await _client.SendAsync(HttpMethod.Get, "conversations/NoSuchConversation0000000/activities?watermark=", DirectLineTestHost.Secret);
        var post = await _client.SendAsync(HttpMethod.Post, "conversations/NoSuchConversation0000000/activities", DirectLineTestHost.Secret, DirectLineTestClient.Message("hi"));

        Assert.Equal((HttpStatusCode.NotFound, "BadConversation"), (withToken.Status, withToken.ErrorCode));
        Assert.Equal((HttpStatusCode.NotFound, "BadConversation"), (withSecret.Status, withSecret.ErrorCode));
        Assert.Equal((HttpStatusCode.NotFound, "BadConversation"), (post.Status, post.ErrorCode));
    }

    private static string UserOf(StartedConversation conversation) => TokenTests.JwtPayload(conversation.Token)["user"]!.GetValue<string>();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex IsoUtc();
}
