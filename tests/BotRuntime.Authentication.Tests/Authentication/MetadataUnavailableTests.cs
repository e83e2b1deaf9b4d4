using BotRuntime.AspNetCore.Authentication;
using BotRuntime.Authentication.Tests.Support;

namespace BotRuntime.Authentication.Tests.Authentication;

/// <summary>
/// With no network (or the identity service down) the bot cannot check tokens: requests are refused with 401, never
/// let through and never turned into an exception, and the bot keeps working once the keys can be fetched again.
/// </summary>
public sealed class MetadataUnavailableTests
{
    [Fact]
    public async Task With_the_metadata_unreachable_requests_are_refused_not_thrown()
    {
        using var key = new TestSigningKey("k1", "msteams");
        await using var harness = await AuthenticatorHarness.StartAsync(o =>
        {
            o.ToBotFromChannelOpenIdMetadataUrl = FreePort.ClosedLoopbackUrl("/v1/.well-known/openidconfiguration");
        });
        var message = TeamsFixtures.Load("teams-personal-message");

        var first = await harness.AuthenticateAsync(message, harness.ChannelToken(key));
        var second = await harness.AuthenticateAsync(message, harness.ChannelToken(key));

        Assert.False(first.Succeeded);
        Assert.Equal(401, first.StatusCode);
        Assert.Equal(401, second.StatusCode);

        // The second request did not try the network again: failed fetches are retried at most every FailureRetryInterval (10 s).
        Assert.Equal(1, harness.Authenticator.ChannelKeys.FetchCount);
        Assert.Contains("signing keys unavailable", harness.Logs.All);
    }

    [Fact]
    public async Task When_the_identity_service_comes_back_tokens_are_accepted_again()
    {
        using var key = new TestSigningKey("k1", "msteams");
        await using var harness = await AuthenticatorHarness.StartAsync();
        harness.Server.PublishChannelKeys(key);
        harness.Server.Unavailable = true;
        var message = TeamsFixtures.Load("teams-personal-message");

        Assert.Equal(401, (await harness.AuthenticateAsync(message, harness.ChannelToken(key))).StatusCode);

        harness.Server.Unavailable = false;
        Assert.Equal(401, (await harness.AuthenticateAsync(message, harness.ChannelToken(key))).StatusCode);
        harness.Time.Advance(OpenIdSigningKeyCache.FailureRetryInterval);
        Assert.True((await harness.AuthenticateAsync(message, harness.ChannelToken(key))).Succeeded);
    }

    [Fact]
    public async Task Cached_keys_stay_in_use_when_a_daily_refresh_fails()
    {
        using var key = new TestSigningKey("k1", "msteams");
        await using var harness = await AuthenticatorHarness.StartAsync();
        harness.Server.PublishChannelKeys(key);
        var message = TeamsFixtures.Load("teams-personal-message");
        Assert.True((await harness.AuthenticateAsync(message, harness.ChannelToken(key))).Succeeded);

        harness.Server.Unavailable = true;
        harness.Time.Advance(TimeSpan.FromHours(25));

        Assert.True((await harness.AuthenticateAsync(message, harness.ChannelToken(key))).Succeeded);
        Assert.Equal(2, harness.Authenticator.ChannelKeys.FetchCount);
        Assert.Contains("using cached keys", harness.Logs.All);
    }

    [Theory]
    [InlineData("""{"issuer":"https://api.botframework.com"}""")]
    [InlineData("""{"jwks_uri":"file:///etc/passwd"}""")]
    [InlineData("""not json at all""")]
    [InlineData("""[]""")]
    public async Task Malformed_metadata_is_refused(string metadata)
    {
        await using var server = await BadMetadataServer.StartAsync(metadata);
        using var key = new TestSigningKey("k1", "msteams");
        await using var harness = await AuthenticatorHarness.StartAsync(o => o.ToBotFromChannelOpenIdMetadataUrl = server.Url);

        var outcome = await harness.AuthenticateAsync(TeamsFixtures.Load("teams-personal-message"), harness.ChannelToken(key));

        Assert.Equal(401, outcome.StatusCode);
    }
}
