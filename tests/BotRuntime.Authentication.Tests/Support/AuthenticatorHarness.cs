using BotRuntime.AspNetCore;
using BotRuntime.AspNetCore.Authentication;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BotRuntime.Authentication.Tests.Support;

/// <summary>A local issuer, a fake clock and a <see cref="BotFrameworkAuthenticator"/> pointed at that issuer.</summary>
public sealed class AuthenticatorHarness : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly bool _ownsServer;

    private AuthenticatorHarness(LocalIdentityServer server, bool ownsServer, BotFrameworkOptions options)
    {
        Server = server;
        _ownsServer = ownsServer;
        Options = options;
        Authenticator = new BotFrameworkAuthenticator(Microsoft.Extensions.Options.Options.Create(options), HttpClients, Time, new FakeLogger<BotFrameworkAuthenticator>(Logs));
    }

    public LocalIdentityServer Server { get; }

    public BotFrameworkOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public TestHttpClientFactory HttpClients { get; } = new();

    public FakeLogCollector Logs { get; } = new();

    public BotFrameworkAuthenticator Authenticator { get; }

    public static async Task<AuthenticatorHarness> StartAsync(Action<BotFrameworkOptions>? configure = null, LocalIdentityServer? server = null)
    {
        var ownsServer = server is null;
        server ??= await LocalIdentityServer.StartAsync();
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = TeamsFixtures.AppId,
            MicrosoftAppPassword = "test-secret-value",
            MicrosoftAppType = "SingleTenant",
            MicrosoftAppTenantId = TeamsFixtures.ClinicTenant,
            ToBotFromChannelOpenIdMetadataUrl = server.ChannelMetadataUrl,
            ToBotFromEmulatorOpenIdMetadataUrl = server.EmulatorMetadataUrl,
        };
        configure?.Invoke(options);
        return new AuthenticatorHarness(server, ownsServer, options);
    }

    /// <summary>A channel token for the Teams fixtures: issuer api.botframework.com, aud = app id, serviceurl = Teams.</summary>
    public string ChannelToken(TestSigningKey key, string? serviceUrl = TeamsFixtures.TeamsServiceUrl, string issuer = ChannelIssuer,
        string audience = TeamsFixtures.AppId, TimeSpan? notBeforeOffset = null, TimeSpan? expiresOffset = null,
        string algorithm = Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256, bool withExpiry = true)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return TokenMinter.Mint(key, issuer, audience, Time.GetUtcNow(), claims, notBeforeOffset, expiresOffset, algorithm, withExpiry);
    }

    public Task<AuthenticationOutcome> AuthenticateAsync(BotRuntime.Schema.Activity activity, string? token) =>
        Authenticator.AuthenticateAsync(activity, token is null ? null : "Bearer " + token, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Authenticator.Dispose();
        HttpClients.Dispose();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }
    }
}
