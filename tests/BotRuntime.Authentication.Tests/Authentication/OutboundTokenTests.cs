using BotRuntime.AspNetCore;
using BotRuntime.AspNetCore.Authentication;
using BotRuntime.Authentication.Tests.Support;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BotRuntime.Authentication.Tests.Authentication;

/// <summary>
/// The bearer token the bot sends with its replies, obtained from a fake Entra token endpoint and a fake managed
/// identity endpoint on loopback: one request serves many replies, a new one is asked for shortly before expiry, and
/// neither token nor secret ever reaches the log.
/// </summary>
public sealed class OutboundTokenTests(SharedIdentityServer shared) : IClassFixture<SharedIdentityServer>, IDisposable
{
    private const string Secret = "client-secret-never-logged";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TestHttpClientFactory _httpClients = new();
    private readonly FakeLogCollector _logs = new();
    private readonly List<IDisposable> _providers = [];

    private LocalIdentityServer Server => shared.Server;

    [Fact]
    public async Task Many_replies_share_one_token_request()
    {
        var before = Server.TokenRequests;
        var provider = ClientCredentials("SingleTenant");

        var tokens = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Task.Run(() => provider.GetTokenAsync(CancellationToken.None))));

        Assert.Equal(1, Server.TokenRequests - before);
        Assert.Single(tokens.Distinct());
        Assert.StartsWith("bot-access-token-", tokens[0]);
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_tenant_with_client_credentials_for_the_Bot_Framework_scope()
    {
        var provider = ClientCredentials("SingleTenant");

        await provider.GetTokenAsync(CancellationToken.None);

        var (tenant, form) = Server.TokenRequestLog.Last();
        Assert.Equal(TeamsFixtures.ClinicTenant, tenant);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TeamsFixtures.AppId, form["client_id"]);
        Assert.Equal(Secret, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task A_multi_tenant_bot_asks_the_botframework_tenant()
    {
        var provider = ClientCredentials("MultiTenant");

        await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("botframework.com", Server.TokenRequestLog.Last().Tenant);
    }

    [Fact]
    public async Task The_token_is_renewed_five_minutes_before_it_expires()
    {
        var provider = ClientCredentials("SingleTenant");
        var before = Server.TokenRequests;
        var first = await provider.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal(first, await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(1, Server.TokenRequests - before);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var second = await provider.GetTokenAsync(CancellationToken.None);
        Assert.NotEqual(first, second);
        Assert.Equal(2, Server.TokenRequests - before);
    }

    [Fact]
    public async Task A_refused_request_reports_the_Entra_error_code_and_never_the_secret()
    {
        await using var server = await LocalIdentityServer.StartAsync();
        server.TokenStatus = 400;
        var provider = ClientCredentials("SingleTenant", server);

        var error = await Assert.ThrowsAsync<ConnectorTokenException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Contains("AADSTS700016", error.Message);
        Assert.Contains("400", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public async Task When_a_renewal_fails_the_still_valid_token_is_used_until_it_expires()
    {
        await using var server = await LocalIdentityServer.StartAsync();
        var provider = ClientCredentials("SingleTenant", server);
        var token = await provider.GetTokenAsync(CancellationToken.None);

        server.TokenStatus = 503;
        _time.Advance(TimeSpan.FromMinutes(57));
        Assert.Equal(token, await provider.GetTokenAsync(CancellationToken.None));
        Assert.Contains("current one is still valid", _logs.All);

        _time.Advance(TimeSpan.FromMinutes(4));
        await Assert.ThrowsAsync<ConnectorTokenException>(() => provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Short_lived_tokens_are_renewed_at_half_their_lifetime()
    {
        await using var server = await LocalIdentityServer.StartAsync();
        server.TokenLifetimeSeconds = 120;
        var provider = ClientCredentials("SingleTenant", server);
        var first = await provider.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(first, await provider.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.NotEqual(first, await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_user_assigned_managed_identity_gets_its_token_from_the_identity_endpoint()
    {
        Server.Now = _time.GetUtcNow;
        var before = Server.ManagedIdentityRequests;
        var options = Options.Create(new BotFrameworkOptions
        {
            MicrosoftAppType = "UserAssignedMSI",
            MicrosoftAppId = TeamsFixtures.AppId,
            MicrosoftAppTenantId = TeamsFixtures.ClinicTenant,
            ManagedIdentityEndpoint = Server.ManagedIdentityUrl,
        });
        var provider = Track(new ManagedIdentityTokenProvider(options, _httpClients, _time, new FakeLogger<ManagedIdentityTokenProvider>(_logs), "identity-header-secret"));

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var again = await provider.GetTokenAsync(CancellationToken.None);

        Assert.StartsWith("msi-access-token-", first);
        Assert.Equal(first, again);
        Assert.Equal(1, Server.ManagedIdentityRequests - before);
        var (query, header) = Server.ManagedIdentityLog.Last();
        Assert.Equal("identity-header-secret", header);
        Assert.Contains("api-version=2019-08-01", query.Value);
        Assert.Contains("resource=https%3A%2F%2Fapi.botframework.com", query.Value);
        Assert.Contains("client_id=" + TeamsFixtures.AppId, query.Value);

        // expires_on (Unix seconds) drives renewal too.
        _time.Advance(TimeSpan.FromMinutes(56));
        Assert.NotEqual(first, await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Tokens_and_secrets_never_reach_the_log()
    {
        var provider = ClientCredentials("SingleTenant");
        var token = await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        var renewed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.NotEmpty(_logs.Entries);
        Assert.DoesNotContain(token!, _logs.All);
        Assert.DoesNotContain(renewed!, _logs.All);
        Assert.DoesNotContain(Secret, _logs.All);
    }

    [Fact]
    public void A_token_record_prints_without_its_value()
    {
        var token = new ConnectorAccessToken("eyJsecret.token.value", _time.GetUtcNow());

        Assert.DoesNotContain("eyJsecret", token.ToString());
    }

    private ClientCredentialsTokenProvider ClientCredentials(string appType, LocalIdentityServer? server = null)
    {
        var options = Options.Create(new BotFrameworkOptions
        {
            MicrosoftAppType = appType,
            MicrosoftAppId = TeamsFixtures.AppId,
            MicrosoftAppPassword = Secret,
            MicrosoftAppTenantId = TeamsFixtures.ClinicTenant,
            ToChannelFromBotLoginUrl = (server ?? Server).BaseUrl,
        });
        return Track(new ClientCredentialsTokenProvider(options, _httpClients, _time, new FakeLogger<ClientCredentialsTokenProvider>(_logs)));
    }

    private T Track<T>(T provider) where T : IDisposable
    {
        _providers.Add(provider);
        return provider;
    }

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        _httpClients.Dispose();
    }
}
