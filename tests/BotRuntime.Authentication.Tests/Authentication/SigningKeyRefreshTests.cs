using BotRuntime.AspNetCore.Authentication;
using BotRuntime.Authentication.Tests.Support;

namespace BotRuntime.Authentication.Tests.Authentication;

/// <summary>
/// Azure Bot Service rotates its signing keys. The bot picks up a new key without a restart: a token with an unknown
/// kid triggers a metadata refresh, at most once per five minutes, and the whole key set is refetched daily.
/// </summary>
public sealed class SigningKeyRefreshTests : IAsyncLifetime
{
    private readonly TestSigningKey _oldKey = new("rotation-old", "msteams");
    private readonly TestSigningKey _newKey = new("rotation-new", "msteams");
    private AuthenticatorHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await AuthenticatorHarness.StartAsync();
        _harness.Server.PublishChannelKeys(_oldKey);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        _oldKey.Dispose();
        _newKey.Dispose();
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_without_a_restart()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        Assert.True((await _harness.AuthenticateAsync(message, _harness.ChannelToken(_oldKey))).Succeeded);
        Assert.Equal(1, _harness.Server.ChannelMetadataRequests);

        _harness.Server.PublishChannelKeys(_newKey);
        _harness.Time.Advance(OpenIdSigningKeyCache.MinimumRefreshInterval + TimeSpan.FromSeconds(1));

        var withNewKey = await _harness.AuthenticateAsync(message, _harness.ChannelToken(_newKey));
        Assert.True(withNewKey.Succeeded);
        Assert.Equal(2, _harness.Server.ChannelMetadataRequests);

        // The retired key is gone from the refreshed set.
        var withOldKey = await _harness.AuthenticateAsync(message, _harness.ChannelToken(_oldKey));
        Assert.Equal(401, withOldKey.StatusCode);
    }

    [Fact]
    public async Task Unknown_kids_refresh_the_keys_at_most_once_per_five_minutes()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        Assert.True((await _harness.AuthenticateAsync(message, _harness.ChannelToken(_oldKey))).Succeeded);
        _harness.Server.PublishChannelKeys(_oldKey, _newKey);

        // A burst of tokens with a kid the cache has not seen, right after the first fetch: refused, no fetch.
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(401, (await _harness.AuthenticateAsync(message, _harness.ChannelToken(_newKey))).StatusCode);
        }

        Assert.Equal(1, _harness.Server.ChannelMetadataRequests);

        // Five minutes later one refresh is allowed, and the new key is then known.
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await _harness.AuthenticateAsync(message, _harness.ChannelToken(_newKey))).Succeeded);
        Assert.Equal(2, _harness.Server.ChannelMetadataRequests);

        // Forged kids right after that refresh do not cause another one.
        using var forged = new TestSigningKey("forged", "msteams");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(401, (await _harness.AuthenticateAsync(message, _harness.ChannelToken(forged))).StatusCode);
        }

        Assert.Equal(2, _harness.Server.ChannelMetadataRequests);
    }

    [Fact]
    public async Task The_key_set_is_fetched_again_after_a_day()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        await _harness.AuthenticateAsync(message, _harness.ChannelToken(_oldKey));
        _harness.Time.Advance(TimeSpan.FromHours(23));
        await _harness.AuthenticateAsync(message, _harness.ChannelToken(_oldKey));
        Assert.Equal(1, _harness.Server.ChannelMetadataRequests);

        _harness.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.True((await _harness.AuthenticateAsync(message, _harness.ChannelToken(_oldKey))).Succeeded);
        Assert.Equal(2, _harness.Server.ChannelMetadataRequests);
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_metadata_fetch()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        var token = _harness.ChannelToken(_oldKey);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _harness.AuthenticateAsync(message, token))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(1, _harness.Server.ChannelMetadataRequests);
    }
}
