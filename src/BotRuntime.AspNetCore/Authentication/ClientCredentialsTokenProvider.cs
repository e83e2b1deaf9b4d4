using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Outbound tokens for MicrosoftAppType SingleTenant and MultiTenant: an OAuth2 client-credentials request
/// (client_id = MicrosoftAppId, client_secret = MicrosoftAppPassword, scope = https://api.botframework.com/.default) to
/// {ToChannelFromBotLoginUrl}/{tenant}/oauth2/v2.0/token, where tenant is MicrosoftAppTenantId for a single-tenant bot
/// and botframework.com for a multi-tenant one.
/// </summary>
public sealed class ClientCredentialsTokenProvider : CachingConnectorTokenProvider
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly Uri _tokenEndpoint;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string _scope;

    public ClientCredentialsTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<ClientCredentialsTokenProvider> logger)
        : base(time, logger)
    {
        var settings = options.Value;
        _httpClientFactory = httpClientFactory;
        _clientId = settings.MicrosoftAppId ?? throw new InvalidOperationException("MicrosoftAppId is required for outbound tokens.");
        _clientSecret = settings.MicrosoftAppPassword ?? throw new InvalidOperationException("MicrosoftAppPassword is required for outbound tokens.");
        var tenant = MicrosoftAppTypes.Normalize(settings.MicrosoftAppType) == MicrosoftAppTypes.SingleTenant
            ? settings.MicrosoftAppTenantId ?? throw new InvalidOperationException("MicrosoftAppTenantId is required for a SingleTenant bot.")
            : AuthenticationConstants.BotFrameworkTenant;
        _tokenEndpoint = new Uri($"{settings.ToChannelFromBotLoginUrl.TrimEnd('/')}/{Uri.EscapeDataString(tenant.Trim())}/oauth2/v2.0/token", UriKind.Absolute);
        _scope = settings.ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";
    }

    /// <summary>The token endpoint this bot asks (tenant-specific for single-tenant bots).</summary>
    public Uri TokenEndpoint => _tokenEndpoint;

    protected override async Task<ConnectorAccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", _clientId),
                new("client_secret", _clientSecret),
                new("scope", _scope),
            ]),
        };
        var now = Time.GetUtcNow();
        using var response = await _httpClientFactory.CreateClient(BotFrameworkHttpClientNames.Tokens)
            .SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await TokenResponseReader.ReadAsync(response, now, "token endpoint", cancellationToken).ConfigureAwait(false);
    }
}
