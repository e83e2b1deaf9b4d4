using System.Net;
using System.Text;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>Token generate and refresh, and what happens to expired, forged and foreign tokens.</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private DirectLineTestHost _host = null!;
    private DirectLineTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await DirectLineTestHost.StartAsync(time: _time);
        _client = new DirectLineTestClient(_host.Client);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Generate_with_the_secret_returns_a_token_bound_to_a_new_conversation_and_a_dl_user()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "tokens/generate", DirectLineTestHost.Secret);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var conversationId = response.Json!["conversationId"]!.GetValue<string>();
        Assert.Equal(24, conversationId.Length);
        Assert.Equal(1800, response.Json!["expires_in"]!.GetValue<int>());
        var claims = JwtPayload(response.Json!["token"]!.GetValue<string>());
        Assert.Equal(conversationId, claims["conv"]!.GetValue<string>());
        Assert.StartsWith("dl_", claims["user"]!.GetValue<string>());
        Assert.Null(response.Json!["streamUrl"]);
    }

    [Fact]
    public async Task Generate_embeds_the_user_the_server_names()
    {
        var (_, token) = await _client.GenerateTokenAsync(userId: "dl_patient-42");

        Assert.Equal("dl_patient-42", JwtPayload(token)["user"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generate_refuses_callers_without_the_secret()
    {
        var (_, token) = await _client.GenerateTokenAsync();

        var anonymous = await _client.SendAsync(HttpMethod.Post, "tokens/generate", bearer: null);
        var withToken = await _client.SendAsync(HttpMethod.Post, "tokens/generate", token);
        var wrongSecret = await _client.SendAsync(HttpMethod.Post, "tokens/generate", "not-the-secret-at-all");

        Assert.Equal((HttpStatusCode.Unauthorized, "MissingToken"), (anonymous.Status, anonymous.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "SecretRequired"), (withToken.Status, withToken.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "BadToken"), (wrongSecret.Status, wrongSecret.ErrorCode));
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_and_user_that_outlives_the_first()
    {
        var (conversationId, token) = await _client.GenerateTokenAsync();
        _time.Advance(TimeSpan.FromMinutes(20));

        var refreshed = await _client.SendAsync(HttpMethod.Post, "tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(conversationId, refreshed.Json!["conversationId"]!.GetValue<string>());
        var newToken = refreshed.Json!["token"]!.GetValue<string>();
        Assert.NotEqual(token, newToken);
        Assert.Equal(JwtPayload(token)["user"]!.GetValue<string>(), JwtPayload(newToken)["user"]!.GetValue<string>());

        // 35 minutes after the first token was issued: it has expired, the refreshed one still works.
        _time.Advance(TimeSpan.FromMinutes(15));
        var withOld = await _client.SendAsync(HttpMethod.Post, "conversations", token);
        var withNew = await _client.SendAsync(HttpMethod.Post, "conversations", newToken);
        Assert.Equal((HttpStatusCode.Forbidden, "TokenExpired"), (withOld.Status, withOld.ErrorCode));
        Assert.Equal(HttpStatusCode.Created, withNew.Status);
    }

    [Fact]
    public async Task An_expired_token_gets_403_TokenExpired_everywhere_including_refresh()
    {
        var conversation = await _client.StartAsync();
        _time.Advance(TimeSpan.FromMinutes(31));

        var refresh = await _client.SendAsync(HttpMethod.Post, "tokens/refresh", conversation.Token);
        var poll = await _client.SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}/activities?watermark=", conversation.Token);
        var post = await _client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation.Token, DirectLineTestClient.Message("hello"));
        var reconnect = await _client.SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}?watermark=", conversation.Token);

        foreach (var response in new[] { refresh, poll, post, reconnect })
        {
            Assert.Equal((HttpStatusCode.Forbidden, "TokenExpired"), (response.Status, response.ErrorCode));
        }
    }

    [Fact]
    public async Task Refresh_needs_a_token_not_the_secret()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "tokens/refresh", DirectLineTestHost.Secret);

        Assert.Equal((HttpStatusCode.Forbidden, "TokenRequired"), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task A_token_for_another_conversation_gets_403()
    {
        var first = await _client.StartAsync();
        var second = await _client.StartAsync();

        var poll = await _client.SendAsync(HttpMethod.Get, $"conversations/{second.Id}/activities?watermark=", first.Token);
        var post = await _client.SendAsync(HttpMethod.Post, $"conversations/{second.Id}/activities", first.Token, DirectLineTestClient.Message("hello"));

        Assert.Equal((HttpStatusCode.Forbidden, "ConversationMismatch"), (poll.Status, poll.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "ConversationMismatch"), (post.Status, post.ErrorCode));
    }

    [Fact]
    public async Task A_forged_token_gets_403_BadToken()
    {
        var victim = await _client.StartAsync();
        var (_, attackerToken) = await _client.GenerateTokenAsync();

        // Re-point the attacker's token at the victim's conversation without re-signing it.
        var parts = attackerToken.Split('.');
        var payload = JwtPayload(attackerToken);
        payload["conv"] = victim.Id;
        var forged = string.Join('.', parts[0], Base64Url(payload.ToJsonString()), parts[2]);
        var unsigned = string.Join('.', Base64Url("""{"alg":"none","typ":"JWT"}"""), Base64Url(payload.ToJsonString()), string.Empty);

        foreach (var token in new[] { forged, unsigned, "garbage", "a.b.c", new string('x', 10_000) })
        {
            var response = await _client.SendAsync(HttpMethod.Get, $"conversations/{victim.Id}/activities?watermark=", token);
            Assert.Equal((HttpStatusCode.Forbidden, "BadToken"), (response.Status, response.ErrorCode));
        }
    }

    [Fact]
    public async Task A_token_signed_by_another_host_is_refused()
    {
        await using var other = await DirectLineTestHost.StartAsync(new() { ["DirectLine:TokenSigningKey"] = "another-signing-key-0123456789-0123456789" });
        var (conversationId, foreignToken) = await new DirectLineTestClient(other.Client).GenerateTokenAsync();

        var response = await _client.SendAsync(HttpMethod.Post, "conversations", foreignToken);

        Assert.Equal((HttpStatusCode.Forbidden, "BadToken"), (response.Status, response.ErrorCode));
        Assert.False(string.IsNullOrEmpty(conversationId));
    }

    internal static System.Text.Json.Nodes.JsonObject JwtPayload(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return System.Text.Json.Nodes.JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!.AsObject();
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
