using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using B12Bot.Hosting;
using B12Bot.Tests.Support;
using BotRuntime.Schema;
using Microsoft.Extensions.Options;

namespace B12Bot.Tests.Security;

/// <summary>
/// The real host in Production as a website-only clinic runs it (no app id): what is open, what is refused, which
/// headers the page gets, and what a Host or X-Forwarded-For header can and cannot change.
/// </summary>
public sealed class ProductionHostTests
{
    private const string PublicUrl = "https://chat.clinic.example";

    private static Task<RunningBot> StartProductionAsync(params string[] settings) =>
        RunningBot.StartAsync(["--environment", "Production", "--DirectLine:PublicBaseUrl", PublicUrl, .. settings]);

    [Fact]
    public async Task Finding1_in_production_without_an_app_id_api_messages_is_401_while_the_website_chat_works()
    {
        await using var bot = await StartProductionAsync();

        using var messages = await bot.Client.PostAsJsonAsync("/api/messages", Turns.Message("hello", "prod-1"), BotJsonContext.Default.Activity);
        var token = await bot.Client.PostAsync("/webchat/token", null);
        var issued = JsonNode.Parse(await token.Content.ReadAsStringAsync())!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", issued["token"]!.GetValue<string>());
        using var started = await bot.Client.SendAsync(start);

        Assert.Equal(HttpStatusCode.Unauthorized, messages.StatusCode);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
    }

    [Fact]
    public async Task Finding5_production_refuses_to_start_without_a_public_base_url_and_names_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningBot.StartAsync("--environment", "Production"));

        Assert.Contains("DirectLine:PublicBaseUrl is required in Production", error.Message);
    }

    [Fact]
    public async Task Finding5_a_foreign_host_header_is_refused_and_never_reflected_into_the_page_configuration()
    {
        await using var bot = await StartProductionAsync();

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/webchat/config");
        foreign.Headers.Host = "attacker.example";
        using var refused = await bot.Client.SendAsync(foreign);
        var config = JsonNode.Parse(await bot.Client.GetStringAsync("/webchat/config"))!;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("attacker.example", await refused.Content.ReadAsStringAsync());
        Assert.Equal(PublicUrl + "/v3/directline", config["domain"]!.GetValue<string>());
        Assert.Equal(PublicUrl + "/webchat/token", config["tokenUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Finding4_the_page_gets_its_policy_as_headers_framing_only_by_allowed_origins_and_connecting_only_to_itself()
    {
        await using var bot = await StartProductionAsync("--DirectLine:AllowedOrigins:0", "https://www.clinic.example");

        using var page = await bot.Client.GetAsync("/");
        using var api = await bot.Client.GetAsync("/webchat/config");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'", "https://www.clinic.example"], directives["frame-ancestors"]);
        Assert.Equal(["'self'", PublicUrl, "wss://chat.clinic.example"], directives["connect-src"]);
        Assert.DoesNotContain("https:", directives["img-src"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal("nosniff", string.Join(',', page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(',', page.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", string.Join(',', api.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Finding3_behind_a_known_proxy_each_visitor_has_their_own_token_quota_and_a_forged_header_gains_nothing()
    {
        await using var proxied = await StartProductionAsync("--DirectLine:TokenRequestsPerMinute", "2", "--ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        await using var direct = await StartProductionAsync("--DirectLine:TokenRequestsPerMinute", "2");

        var behindProxy = new[] { await TokenAsync(proxied, "203.0.113.7"), await TokenAsync(proxied, "203.0.113.7"), await TokenAsync(proxied, "203.0.113.7"), await TokenAsync(proxied, "203.0.113.8") };
        var forging = new[] { await TokenAsync(direct, "203.0.113.7"), await TokenAsync(direct, "203.0.113.8"), await TokenAsync(direct, "203.0.113.9") };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], behindProxy.Select(r => r.Status));
        Assert.NotNull(behindProxy[2].RetryAfter);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], forging.Select(r => r.Status));
    }

    private static async Task<(HttpStatusCode Status, string? RetryAfter)> TokenAsync(RunningBot bot, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/token");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await bot.Client.SendAsync(request);
        return (response.StatusCode, response.Headers.RetryAfter?.ToString());
    }
}
