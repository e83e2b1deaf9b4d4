using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Outbound tokens for MicrosoftAppType UserAssignedMSI, from the managed identity endpoint of the host, for resource
/// https://api.botframework.com and client_id = MicrosoftAppId (the identity's client id). With
/// <see cref="BotFrameworkOptions.ManagedIdentityEndpoint"/> (App Service and Container Apps set IDENTITY_ENDPOINT and
/// IDENTITY_HEADER) the App Service protocol is used (api-version 2019-08-01, X-IDENTITY-HEADER); otherwise the Azure
/// Instance Metadata Service of a VM (api-version 2018-02-01, Metadata: true).
/// </summary>
public sealed class ManagedIdentityTokenProvider : CachingConnectorTokenProvider
{
    /// <summary>The Azure Instance Metadata Service token endpoint, used when no IDENTITY_ENDPOINT is given.</summary>
    public const string InstanceMetadataEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly Uri _requestUri;
    private readonly string? _identityHeader;

    public ManagedIdentityTokenProvider(
        IOptions<BotFrameworkOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<ManagedIdentityTokenProvider> logger,
        string? identityHeader = null)
        : base(time, logger)
    {
        var settings = options.Value;
        _httpClientFactory = httpClientFactory;
        var clientId = settings.MicrosoftAppId ?? throw new InvalidOperationException("MicrosoftAppId (the managed identity's client id) is required.");
        var resource = settings.ToChannelFromBotOAuthScope.TrimEnd('/');
        var appService = !string.IsNullOrWhiteSpace(settings.ManagedIdentityEndpoint);
        var endpoint = appService ? settings.ManagedIdentityEndpoint!.Trim() : InstanceMetadataEndpoint;
        var apiVersion = appService ? "2019-08-01" : "2018-02-01";
        var separator = endpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        _requestUri = new Uri(
            $"{endpoint}{separator}api-version={apiVersion}&resource={Uri.EscapeDataString(resource)}&client_id={Uri.EscapeDataString(clientId)}",
            UriKind.Absolute);
        _identityHeader = appService ? identityHeader : null;
    }

    protected override async Task<ConnectorAccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _requestUri);
        if (_identityHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("X-IDENTITY-HEADER", _identityHeader);
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Metadata", "true");
        }

        var now = Time.GetUtcNow();
        using var response = await _httpClientFactory.CreateClient(BotFrameworkHttpClientNames.Tokens)
            .SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await TokenResponseReader.ReadAsync(response, now, "managed identity endpoint", cancellationToken).ConfigureAwait(false);
    }
}
