using BotRuntime.Authentication.Tests.Support;
using BotRuntime.Schema;

namespace BotRuntime.Authentication.Tests.Authentication;

/// <summary>
/// The Bot Framework Emulator, when the bot has credentials, sends an Entra token it got with the bot's own app id:
/// one of the Emulator issuers, no serviceurl claim, no endorsements; the app id is in appid (v1.0) or azp (v2.0).
/// </summary>
public sealed class EmulatorTokenValidationTests(SharedIdentityServer shared) : IClassFixture<SharedIdentityServer>, IAsyncLifetime
{
    private const string V1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private const string V2Issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
    private const string V32Issuer = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0";
    private const string OtherApp = "0f0f0f0f-1111-4222-8333-444444444444";

    private AuthenticatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AuthenticatorHarness.StartAsync(server: shared.Server);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData(V1Issuer, "1.0", "appid", TeamsFixtures.AppId, 200)]
    [InlineData(V2Issuer, "2.0", "azp", TeamsFixtures.AppId, 200)]
    [InlineData(V32Issuer, "2.0", "azp", TeamsFixtures.AppId, 200)]
    [InlineData("https://login.microsoftonline.com/" + TeamsFixtures.ClinicTenant + "/v2.0", "2.0", "azp", TeamsFixtures.AppId, 200)]
    [InlineData("https://sts.windows.net/" + TeamsFixtures.ClinicTenant + "/", "1.0", "appid", TeamsFixtures.AppId, 200)]
    [InlineData(V1Issuer, "1.0", "appid", OtherApp, 401)]
    [InlineData(V2Issuer, "2.0", "azp", OtherApp, 401)]
    [InlineData(V2Issuer, "2.0", "appid", TeamsFixtures.AppId, 401)]
    [InlineData(V1Issuer, "1.0", "azp", TeamsFixtures.AppId, 401)]
    [InlineData(V1Issuer, null, "appid", TeamsFixtures.AppId, 401)]
    [InlineData(V1Issuer, "3.0", "appid", TeamsFixtures.AppId, 401)]
    [InlineData("https://login.microsoftonline.com/" + TeamsFixtures.ForeignTenant + "/v2.0", "2.0", "azp", TeamsFixtures.AppId, 401)]
    public async Task An_Emulator_token_is_checked_by_issuer_and_by_the_app_id_claim_its_version_names(
        string issuer, string? version, string appIdClaim, string appId, int expectedStatus)
    {
        var claims = new Dictionary<string, object> { [appIdClaim] = appId };
        if (version is not null)
        {
            claims["ver"] = version;
        }

        var token = TokenMinter.Mint(shared.EmulatorKey, issuer, audience: TeamsFixtures.AppId, _harness.Time.GetUtcNow(), claims);

        var outcome = await _harness.AuthenticateAsync(EmulatorMessage(), token);

        Assert.Equal(expectedStatus, outcome.StatusCode);
        Assert.Equal(expectedStatus == 200, outcome.Succeeded);
    }

    [Fact]
    public async Task An_Emulator_token_must_be_signed_by_a_key_from_the_Emulator_metadata()
    {
        // The Teams channel key is trusted for channel tokens only.
        var token = TokenMinter.Mint(shared.TeamsKey, V2Issuer, TeamsFixtures.AppId, _harness.Time.GetUtcNow(),
            new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = TeamsFixtures.AppId });

        var outcome = await _harness.AuthenticateAsync(EmulatorMessage(), token);

        Assert.Equal(401, outcome.StatusCode);
    }

    [Fact]
    public async Task An_expired_Emulator_token_is_refused()
    {
        var token = TokenMinter.Mint(shared.EmulatorKey, V1Issuer, TeamsFixtures.AppId, _harness.Time.GetUtcNow(),
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = TeamsFixtures.AppId },
            notBeforeOffset: TimeSpan.FromHours(-2), expiresOffset: TimeSpan.FromMinutes(-10));

        var outcome = await _harness.AuthenticateAsync(EmulatorMessage(), token);

        Assert.Equal(401, outcome.StatusCode);
    }

    [Fact]
    public async Task Tenant_issuers_are_trusted_only_for_the_configured_tenant()
    {
        await using var multiTenant = await AuthenticatorHarness.StartAsync(
            o => { o.MicrosoftAppType = "MultiTenant"; o.MicrosoftAppTenantId = null; }, shared.Server);
        var token = TokenMinter.Mint(shared.EmulatorKey, "https://login.microsoftonline.com/" + TeamsFixtures.ClinicTenant + "/v2.0",
            TeamsFixtures.AppId, multiTenant.Time.GetUtcNow(), new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = TeamsFixtures.AppId });

        var outcome = await multiTenant.AuthenticateAsync(EmulatorMessage(), token);

        Assert.Equal(401, outcome.StatusCode);
    }

    private static Activity EmulatorMessage() => new()
    {
        Type = ActivityTypes.Message,
        Id = "emu-1",
        ChannelId = Channels.Emulator,
        ServiceUrl = "http://localhost:52144",
        From = new ChannelAccount("user-1", "User"),
        Recipient = new ChannelAccount(TeamsFixtures.AppId, "Bot"),
        Conversation = new ConversationAccount("emulator-conversation-1"),
        Text = "What is B12 for?",
    };
}
