using BotRuntime.Authentication.Tests.Support;
using BotRuntime.Schema;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotRuntime.Authentication.Tests.Authentication;

/// <summary>
/// Tokens as Azure Bot Service sends them with a Teams message, minted by the tests and checked against a JWKS served on
/// loopback. Each row is one way a request can arrive; the status is what the bot answers.
/// </summary>
public sealed class ChannelTokenValidationTests(SharedIdentityServer shared) : IClassFixture<SharedIdentityServer>, IAsyncLifetime
{
    private readonly TestSigningKey _teamsKey = shared.TeamsKey;
    private readonly TestSigningKey _webChatOnlyKey = shared.WebChatOnlyKey;
    private AuthenticatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AuthenticatorHarness.StartAsync(server: shared.Server);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("valid RS256", 200)]
    [InlineData("valid RS384", 200)]
    [InlineData("valid RS512", 200)]
    [InlineData("expired 6 minutes ago (beyond the 5 minute skew)", 401)]
    [InlineData("expired 4 minutes ago (within the skew)", 200)]
    [InlineData("not valid for another 6 minutes", 401)]
    [InlineData("not valid for another 4 minutes (within the skew)", 200)]
    [InlineData("no expiry", 401)]
    [InlineData("wrong issuer", 401)]
    [InlineData("wrong audience", 401)]
    [InlineData("wrong signature (other key, same kid)", 401)]
    [InlineData("unknown kid", 401)]
    [InlineData("PS256 instead of RS256", 401)]
    [InlineData("unsigned (alg none)", 401)]
    [InlineData("key not endorsed for msteams", 403)]
    [InlineData("serviceurl claim for another service", 401)]
    [InlineData("serviceurl claim in other letter case", 200)]
    [InlineData("no serviceurl claim", 401)]
    [InlineData("no Authorization header", 401)]
    [InlineData("Basic instead of Bearer", 401)]
    [InlineData("bearer token that is not a JWT", 401)]
    public async Task A_Teams_message_is_accepted_or_refused_by_its_token(string scenario, int expectedStatus)
    {
        var activity = TeamsFixtures.Load("teams-personal-message");
        string? header = scenario switch
        {
            "valid RS256" => Bearer(_harness.ChannelToken(_teamsKey)),
            "valid RS384" => Bearer(_harness.ChannelToken(_teamsKey, algorithm: SecurityAlgorithms.RsaSha384)),
            "valid RS512" => Bearer(_harness.ChannelToken(_teamsKey, algorithm: SecurityAlgorithms.RsaSha512)),
            "expired 6 minutes ago (beyond the 5 minute skew)" => Bearer(_harness.ChannelToken(_teamsKey, notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-6))),
            "expired 4 minutes ago (within the skew)" => Bearer(_harness.ChannelToken(_teamsKey, notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-4))),
            "not valid for another 6 minutes" => Bearer(_harness.ChannelToken(_teamsKey, notBeforeOffset: TimeSpan.FromMinutes(6))),
            "not valid for another 4 minutes (within the skew)" => Bearer(_harness.ChannelToken(_teamsKey, notBeforeOffset: TimeSpan.FromMinutes(4))),
            "no expiry" => Bearer(_harness.ChannelToken(_teamsKey, withExpiry: false)),
            "wrong issuer" => Bearer(_harness.ChannelToken(_teamsKey, issuer: "https://api.botframework.example")),
            "wrong audience" => Bearer(_harness.ChannelToken(_teamsKey, audience: "0f0f0f0f-1111-4222-8333-444444444444")),
            "wrong signature (other key, same kid)" => Bearer(SignedByImpostor()),
            "unknown kid" => Bearer(SignedWithUnpublishedKey()),
            "PS256 instead of RS256" => Bearer(_harness.ChannelToken(_teamsKey, algorithm: SecurityAlgorithms.RsaSsaPssSha256)),
            "unsigned (alg none)" => Bearer(TokenMinter.Mint(null, AuthenticatorHarness.ChannelIssuer, TeamsFixtures.AppId, _harness.Time.GetUtcNow(),
                new Dictionary<string, object> { ["serviceurl"] = TeamsFixtures.TeamsServiceUrl })),
            "key not endorsed for msteams" => Bearer(_harness.ChannelToken(_webChatOnlyKey)),
            "serviceurl claim for another service" => Bearer(_harness.ChannelToken(_teamsKey, serviceUrl: "https://attacker.example/")),
            "serviceurl claim in other letter case" => Bearer(_harness.ChannelToken(_teamsKey, serviceUrl: TeamsFixtures.TeamsServiceUrl.ToUpperInvariant())),
            "no serviceurl claim" => Bearer(_harness.ChannelToken(_teamsKey, serviceUrl: null)),
            "no Authorization header" => null,
            "Basic instead of Bearer" => "Basic " + Convert.ToBase64String("bot:password"u8.ToArray()),
            "bearer token that is not a JWT" => "Bearer not-a-jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var outcome = await _harness.Authenticator.AuthenticateAsync(activity, header, CancellationToken.None);

        Assert.Equal(expectedStatus == 200, outcome.Succeeded);
        Assert.Equal(expectedStatus, outcome.StatusCode);
        if (outcome.Succeeded)
        {
            Assert.Equal(CallerIdConstants.PublicAzureChannel, outcome.CallerId);
            Assert.True(outcome.Identity!.IsAuthenticated);
        }
        else
        {
            Assert.Null(outcome.Identity);
            Assert.False(string.IsNullOrEmpty(outcome.Error));
        }
    }

    [Fact]
    public async Task A_key_endorsed_for_webchat_only_is_accepted_for_a_webchat_activity()
    {
        var activity = TeamsFixtures.Load("teams-personal-message");
        activity.ChannelId = Channels.Webchat;

        var outcome = await _harness.AuthenticateAsync(activity, _harness.ChannelToken(_webChatOnlyKey));

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task Refusals_are_logged_by_reason_without_the_token()
    {
        var token = _harness.ChannelToken(_teamsKey, serviceUrl: "https://attacker.example/");

        await _harness.AuthenticateAsync(TeamsFixtures.Load("teams-personal-message"), token);

        Assert.Contains("serviceurl mismatch", _harness.Logs.All);
        Assert.DoesNotContain(token, _harness.Logs.All);
        Assert.DoesNotContain("Are B12 shots safe", _harness.Logs.All);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private string SignedByImpostor() => _harness.ChannelToken(shared.ImpostorKey);

    private string SignedWithUnpublishedKey() => _harness.ChannelToken(shared.UnpublishedKey);

    [Fact]
    public void The_minted_tokens_carry_what_the_connector_service_sends()
    {
        // Guards the matrix above: the "valid" token really has the issuer, audience, kid and serviceurl it claims.
        var token = new JsonWebToken(_harness.ChannelToken(_teamsKey));

        Assert.Equal(AuthenticatorHarness.ChannelIssuer, token.Issuer);
        Assert.Equal([TeamsFixtures.AppId], token.Audiences);
        Assert.Equal("teams-key-1", token.Kid);
        Assert.Equal(TeamsFixtures.TeamsServiceUrl, token.GetPayloadValue<string>("serviceurl"));
    }
}
