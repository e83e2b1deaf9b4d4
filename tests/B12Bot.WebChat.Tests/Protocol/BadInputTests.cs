using System.Net;
using System.Text.Json.Nodes;
using B12Bot.WebChat.Tests.Support;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>Bad input of every kind gets a clear 4xx with a Direct Line error body, never a 500, and the conversation survives.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;
    private DirectLineTestClient _client = null!;
    private StartedConversation _conversation = null!;

    public async Task InitializeAsync()
    {
        _host = await DirectLineTestHost.StartAsync();
        _client = new DirectLineTestClient(_host.Client);
        _conversation = await _client.StartAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, HttpStatusCode, string> BadActivities => new()
    {
        { "malformed JSON", """{"type":"message","text":"unterminated""", HttpStatusCode.BadRequest, "BadArgument" },
        { "not an object", """["message"]""", HttpStatusCode.BadRequest, "BadArgument" },
        { "wrong field type", """{"type":"message","text":{"nested":true}}""", HttpStatusCode.BadRequest, "BadArgument" },
        { "no type", """{"text":"hello"}""", HttpStatusCode.BadRequest, "MissingProperty" },
        { "JSON null", "null", HttpStatusCode.BadRequest, "MissingProperty" },
        { "invoke from a client", """{"type":"invoke","name":"adaptiveCard/action"}""", HttpStatusCode.BadRequest, "BadArgument" },
        { "conversationUpdate from a client", """{"type":"conversationUpdate","membersAdded":[{"id":"x"}]}""", HttpStatusCode.BadRequest, "BadArgument" },
        { "unknown type", """{"type":"teleport","text":"hello"}""", HttpStatusCode.BadRequest, "BadArgument" },
        { "event without a name", """{"type":"event","value":1}""", HttpStatusCode.BadRequest, "MissingProperty" },
        { "text over the limit", new JsonObject { ["type"] = "message", ["text"] = new string('a', 4001) }.ToJsonString(), HttpStatusCode.BadRequest, "BadArgument" },
        { "body over the limit", new JsonObject { ["type"] = "message", ["text"] = "hi", ["value"] = new string('a', 70_000) }.ToJsonString(), HttpStatusCode.RequestEntityTooLarge, "PayloadTooLarge" },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task A_bad_activity_is_refused_with_a_clear_error_and_the_conversation_goes_on(string what, string body, HttpStatusCode status, string code)
    {
        var response = await _client.SendAsync(HttpMethod.Post, $"conversations/{_conversation.Id}/activities", _conversation.Token, body);

        Assert.True(status == response.Status, $"{what}: expected {status}, got {response.Status} {response.Text}");
        Assert.Equal(code, response.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(response.Json!["error"]!["message"]!.GetValue<string>()));

        var next = await _client.PostMessageAsync(_conversation, "still here", "after-bad-input");
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal("You said: still here", ActivityTests.Texts(await _client.GetActivitiesAsync(_conversation)).Last());
    }

    [Fact]
    public async Task An_empty_body_is_refused()
    {
        var response = await _client.SendAsync(HttpMethod.Post, $"conversations/{_conversation.Id}/activities", _conversation.Token, string.Empty);

        Assert.Equal((HttpStatusCode.BadRequest, "MissingProperty"), (response.Status, response.ErrorCode));
    }

    [Theory]
    [InlineData("Ｂ１２ ｉｎｊｅｃｔｉｏｎ")]
    [InlineData("مرحبا B12 \u200f\u200e")]
    [InlineData("e\u0301\u0301\u0301 zero\u200bwidth \ufeff")]
    [InlineData("💉🩸🧪 👩🏽‍⚕️")]
    [InlineData("<script>alert('x')</script> & \"quotes\"")]
    [InlineData("   ")]
    public async Task Odd_text_is_accepted_and_echoed_exactly(string text)
    {
        var response = await _client.PostMessageAsync(_conversation, text, "odd");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal([text, "You said: " + text], ActivityTests.Texts(await _client.GetActivitiesAsync(_conversation, "1")));
    }

    [Fact]
    public async Task A_lone_surrogate_escape_never_causes_a_server_error()
    {
        var response = await _client.SendAsync(HttpMethod.Post, $"conversations/{_conversation.Id}/activities", _conversation.Token, """{"type":"message","text":"broken \ud800 text"}""");

        Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"got {response.Status}");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999999")]
    public async Task A_bad_watermark_is_refused(string watermark)
    {
        var poll = await _client.SendAsync(HttpMethod.Get, $"conversations/{_conversation.Id}/activities?watermark={Uri.EscapeDataString(watermark)}", _conversation.Token);
        var reconnect = await _client.SendAsync(HttpMethod.Get, $"conversations/{_conversation.Id}?watermark={Uri.EscapeDataString(watermark)}", _conversation.Token);

        Assert.Equal((HttpStatusCode.BadRequest, "BadArgument"), (poll.Status, poll.ErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "BadArgument"), (reconnect.Status, reconnect.ErrorCode));
    }

    [Fact]
    public async Task Missing_or_malformed_authorization_is_refused()
    {
        var missing = await _client.SendAsync(HttpMethod.Get, $"conversations/{_conversation.Id}/activities?watermark=", bearer: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{_conversation.Id}/activities");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        using var basic = await _host.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode.Unauthorized, "MissingToken"), (missing.Status, missing.ErrorCode));
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
    }

    [Fact]
    public async Task Bad_token_request_bodies_are_refused()
    {
        var badJson = await _client.SendAsync(HttpMethod.Post, "tokens/generate", DirectLineTestHost.Secret, "{not json");
        var badUser = await _client.SendAsync(HttpMethod.Post, "tokens/generate", DirectLineTestHost.Secret, """{"user":{"id":"has spaces and\nnewlines"}}""");
        var (_, token) = await _client.GenerateTokenAsync();
        var badStart = await _client.SendAsync(HttpMethod.Post, "conversations", token, "{\"user\":");

        Assert.Equal((HttpStatusCode.BadRequest, "BadArgument"), (badJson.Status, badJson.ErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "BadArgument"), (badUser.Status, badUser.ErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "BadArgument"), (badStart.Status, badStart.ErrorCode));
    }

    [Fact]
    public async Task An_odd_locale_at_start_is_ignored_rather_than_passed_to_the_bot()
    {
        var (_, token) = await _client.GenerateTokenAsync();

        var response = await _client.SendAsync(HttpMethod.Post, "conversations", token, """{"locale":"<img src=x>"}""");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Null(_host.Bot.Received.Last().Locale);
    }

    [Fact]
    public async Task Uploads_are_refused_clearly()
    {
        var response = await _client.SendAsync(HttpMethod.Post, $"conversations/{_conversation.Id}/upload?userId=r_client", _conversation.Token, "--x--", "multipart/form-data; boundary=x");

        Assert.Equal((HttpStatusCode.BadRequest, "UploadNotSupported"), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task The_stream_endpoint_without_a_websocket_upgrade_is_refused()
    {
        var response = await _client.SendAsync(HttpMethod.Get, $"conversations/{_conversation.Id}/stream?t={_conversation.Token}", bearer: null);

        Assert.Equal((HttpStatusCode.BadRequest, "BadArgument"), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task Wrong_methods_get_405_not_500()
    {
        var response = await _client.SendAsync(HttpMethod.Delete, $"conversations/{_conversation.Id}/activities", _conversation.Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }
}
