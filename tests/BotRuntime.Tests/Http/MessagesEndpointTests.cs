using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BotRuntime.Schema;
using BotRuntime.Storage;
using BotRuntime.Tests.Support;

namespace BotRuntime.Tests.Http;

/// <summary>The status matrix of POST /api/messages through the real ASP.NET Core pipeline on loopback.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private LoopbackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await LoopbackBotHost.StartAsync(new MemoryStorage());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> PostRawAsync(string body) =>
        _host.Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Expect_replies_returns_the_replies_in_the_body()
    {
        var response = await _host.Client.PostAsync(Activities.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await response.RepliesAsync());
        Assert.Equal("count 1", reply.Text);
        Assert.Equal("bot-1", reply.From?.Id);
        Assert.Equal("user-1", reply.Recipient?.Id);
        Assert.Equal("conv-1", reply.Conversation?.Id);
        Assert.Equal(InputHints.AcceptingInput, reply.InputHint);
    }

    [Fact]
    public async Task Expect_replies_json_is_camel_case_without_nulls()
    {
        var response = await _host.Client.PostAsync(Activities.Message("hello"));
        var json = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("{\"activities\":[", json);
        Assert.Contains("\"replyToId\":", json);
        Assert.DoesNotContain("null", json);
        Assert.DoesNotContain("\"Text\"", json);
    }

    [Fact]
    public async Task An_invoke_returns_the_bots_status_and_body()
    {
        var invoke = Activities.Message("", deliveryMode: DeliveryModes.Normal);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "test/echo";
        invoke.Value = JsonSerializer.SerializeToElement("ping", BotJsonContext.Default.String);

        var response = await _host.Client.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"ping\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invoke_nobody_handles_is_501()
    {
        var invoke = Activities.Message("", deliveryMode: DeliveryModes.Normal);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "composeExtension/unknown";

        var response = await _host.Client.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_are_accepted_and_ignored()
    {
        var odd = Activities.Message("x");
        odd.Type = "somethingNew";

        var response = await _host.Client.PostAsync(odd);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.RepliesAsync());
    }

    [Theory]
    [InlineData("{not json", "not valid activity JSON")]
    [InlineData("[1,2,3]", "not valid activity JSON")]
    [InlineData("\"just a string\"", "not valid activity JSON")]
    [InlineData("{\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"channelId\":\"test\"}", "no type")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"channelId\":\"test\"}", "conversation.id")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{}, \"channelId\":\"test\"}", "conversation.id")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"}}", "channelId")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":42},\"channelId\":\"test\"}", "not valid activity JSON")]
    [InlineData("", "empty")]
    public async Task A_body_that_is_not_an_activity_is_400_with_a_reason(string body, string reason)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ErrorResponse);
        Assert.Contains(reason, error!.Error!.Message);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_or_not_its_length_is_announced()
    {
        var big = Activities.Message(new string('a', 300 * 1024));
        var announced = await _host.Client.PostAsync(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.StatusCode);

        var json = JsonSerializer.Serialize(big, BotJsonContext.Default.Activity);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Content.Headers.ContentType = new("application/json");
        var streamed = await _host.Client.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_are_405(string method)
    {
        var response = await _host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u202e\u200b\ud83d\udc89 \u0000 zalgo t\u0336e\u0336x\u0336t")]
    public async Task Odd_or_empty_text_still_gets_a_turn(string text)
    {
        var response = await _host.Client.PostAsync(Activities.Message(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("count 1", Assert.Single(await response.RepliesAsync()).Text);
    }

    [Fact]
    public async Task A_failing_turn_apologises_resets_the_conversation_and_answers_200()
    {
        await _host.Client.PostAsync(Activities.Message("one", conversationId: "failing"));
        var failed = await _host.Client.PostAsync(Activities.Message("throw", conversationId: "failing"));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var replies = await failed.RepliesAsync();
        Assert.Contains("Sorry", Assert.Single(replies, r => r.Type == ActivityTypes.Message).Text);
        // The Emulator also gets the SDK's error trace; it names the exception type, never its message.
        var trace = Assert.Single(replies, r => r.Type == ActivityTypes.Trace);
        Assert.Equal("OnTurnError Trace", trace.Name);
        Assert.DoesNotContain("boom", trace.Value.ToString());

        var next = await _host.Client.PostAsync(Activities.Message("again", conversationId: "failing"));
        Assert.Equal("count 1", Assert.Single(await next.RepliesAsync()).Text);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_and_casing_of_the_sender_is_tolerated()
    {
        const string body = """
            {"type":"message","Text":"hi","channelId":"emulator","conversation":{"id":"c-unknown","futureField":{"a":1}},
             "from":{"id":"u"},"recipient":{"id":"b"},"somethingElse":[1,2,3],"deliveryMode":"expectReplies",
             "channelData":{"clientActivityID":"abc","nested":{"x":true}}}
            """;

        var response = await PostRawAsync(body);

        Assert.Equal("count 1", Assert.Single(await response.RepliesAsync()).Text);
    }
}
