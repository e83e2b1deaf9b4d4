using System.Net;
using B12Bot.WebChat.Tests.Support;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>The page's configuration and token endpoints, CORS for clinic sites, and the page itself.</summary>
public sealed class PageEndpointTests
{
    private const string ClinicOrigin = "https://www.clinic.example";

    [Fact]
    public async Task The_config_points_the_page_at_this_hosts_channel_by_default()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.Client);

        var config = await client.SendAsync(HttpMethod.Get, "/webchat/config", bearer: null);

        Assert.Equal(HttpStatusCode.OK, config.Status);
        var origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(origin + "/v3/directline", config.Json!["domain"]!.GetValue<string>());
        Assert.Equal(origin + "/webchat/token", config.Json!["tokenUrl"]!.GetValue<string>());
        Assert.True(config.Json!["webSocket"]!.GetValue<bool>());
        Assert.True(config.Json!["selfHosted"]!.GetValue<bool>());
        Assert.Equal("Test bot", config.Json!["botName"]!.GetValue<string>());
        Assert.DoesNotContain(DirectLineTestHost.Secret, config.Text);
    }

    [Fact]
    public async Task The_config_switches_to_Azure_Direct_Line_and_polling_by_configuration()
    {
        await using var host = await DirectLineTestHost.StartAsync(new()
        {
            ["DirectLine:WebChat:Domain"] = "https://europe.directline.botframework.com/v3/directline",
            ["DirectLine:WebChat:TokenUrl"] = "https://www.clinic.example/api/chat-token",
            ["DirectLine:WebChat:WebSocket"] = "false",
            ["DirectLine:WebChat:PollingIntervalMs"] = "50",
        });

        var config = await new DirectLineTestClient(host.Client).SendAsync(HttpMethod.Get, "/webchat/config", bearer: null);

        Assert.Equal("https://europe.directline.botframework.com/v3/directline", config.Json!["domain"]!.GetValue<string>());
        Assert.Equal("https://www.clinic.example/api/chat-token", config.Json!["tokenUrl"]!.GetValue<string>());
        Assert.False(config.Json!["webSocket"]!.GetValue<bool>());
        Assert.Equal(200, config.Json!["pollingInterval"]!.GetValue<int>());
        Assert.False(config.Json!["selfHosted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_page_token_endpoint_hands_out_a_conversation_token_without_the_secret()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.Client);

        var issued = await client.SendAsync(HttpMethod.Post, "/webchat/token", bearer: null);

        Assert.Equal(HttpStatusCode.OK, issued.Status);
        Assert.DoesNotContain(DirectLineTestHost.Secret, issued.Text);
        var token = issued.Json!["token"]!.GetValue<string>();
        var claims = TokenTests.JwtPayload(token);
        Assert.Equal(issued.Json!["conversationId"]!.GetValue<string>(), claims["conv"]!.GetValue<string>());
        Assert.Equal(issued.Json!["userId"]!.GetValue<string>(), claims["user"]!.GetValue<string>());
        var start = await client.SendAsync(HttpMethod.Post, "conversations", token);
        Assert.Equal(HttpStatusCode.Created, start.Status);
    }

    [Fact]
    public async Task The_page_token_endpoint_limits_how_many_conversations_one_address_starts()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:TokenRequestsPerMinute"] = "3" });
        var client = new DirectLineTestClient(host.Client);

        var statuses = new List<HttpStatusCode>();
        DirectLineResponse? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.SendAsync(HttpMethod.Post, "/webchat/token", bearer: null);
            statuses.Add(last.Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("Throttled", last!.ErrorCode);
        Assert.Equal("60", last.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task With_an_Azure_secret_the_token_endpoint_exchanges_it_at_the_configured_Direct_Line()
    {
        // A second channel plays Azure Direct Line: it only knows its own secret.
        await using var azure = await DirectLineTestHost.StartAsync(new()
        {
            ["DirectLine:Secret"] = "azure-side-secret-0123456789",
            ["DirectLine:TokenSigningKey"] = "azure-side-signing-key-0123456789-0123456789",
        });
        await using var host = await DirectLineTestHost.StartAsync(new()
        {
            ["DirectLine:WebChat:Domain"] = azure.BaseAddress.GetLeftPart(UriPartial.Authority) + "/v3/directline",
            ["DirectLine:WebChat:AzureSecret"] = "azure-side-secret-0123456789",
        });

        var issued = await new DirectLineTestClient(host.Client).SendAsync(HttpMethod.Post, "/webchat/token", bearer: null);

        Assert.Equal(HttpStatusCode.OK, issued.Status);
        Assert.DoesNotContain("azure-side-secret", issued.Text);
        var start = await new DirectLineTestClient(azure.Client).SendAsync(HttpMethod.Post, "conversations", issued.Json!["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, start.Status);
        Assert.Equal(issued.Json!["conversationId"]!.GetValue<string>(), start.Json!["conversationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_Azure_refuses_the_exchange_the_page_gets_a_clear_502()
    {
        await using var azure = await DirectLineTestHost.StartAsync();
        await using var host = await DirectLineTestHost.StartAsync(new()
        {
            ["DirectLine:WebChat:Domain"] = azure.BaseAddress.GetLeftPart(UriPartial.Authority) + "/v3/directline",
            ["DirectLine:WebChat:AzureSecret"] = "a-secret-azure-does-not-know",
        });

        var issued = await new DirectLineTestClient(host.Client).SendAsync(HttpMethod.Post, "/webchat/token", bearer: null);

        Assert.Equal((HttpStatusCode.BadGateway, "TokenServiceUnavailable"), (issued.Status, issued.ErrorCode));
    }

    [Fact]
    public async Task Clinic_origins_from_configuration_may_call_the_channel_from_a_browser_and_others_may_not()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = ClinicOrigin });

        using var allowed = await PreflightAsync(host, ClinicOrigin, "/v3/directline/conversations");
        using var other = await PreflightAsync(host, "https://evil.example", "/v3/directline/conversations");
        using var token = await PreflightAsync(host, ClinicOrigin, "/webchat/token");

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(ClinicOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("x-ms-bot-agent", headers);
        Assert.Contains("content-type", headers);
        Assert.Contains("x-requested-with", headers);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(ClinicOrigin, token.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_home_page_is_the_chat_page_and_says_it_is_an_automated_assistant()
    {
        await using var host = await DirectLineTestHost.StartAsync();

        var page = await host.Client.GetStringAsync("/");
        using var bundle = await host.Client.GetAsync("/lib/webchat.js");

        Assert.Contains("automated assistant", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lib/webchat.js", page);
        Assert.DoesNotContain("cdn.", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000, "the Web Chat bundle is served from wwwroot/lib");
    }

    private static Task<HttpResponseMessage> PreflightAsync(DirectLineTestHost host, string origin, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");
        return host.Client.SendAsync(request);
    }
}
