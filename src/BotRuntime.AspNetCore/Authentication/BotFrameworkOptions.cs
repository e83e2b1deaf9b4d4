namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// The bot's identity and channel settings, bound from configuration with the Bot Framework's own key names
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c>...).
/// With <see cref="MicrosoftAppId"/> empty the bot runs in local mode: no token is required or sent.
/// </summary>
public sealed class BotFrameworkOptions
{
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>MultiTenant (default when empty), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The token endpoint authority; the tenant (botframework.com or MicrosoftAppTenantId) is appended.</summary>
    public string ToChannelFromBotLoginUrl { get; set; } = "https://login.microsoftonline.com";

    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>The managed identity endpoint used for UserAssignedMSI (App Service sets IDENTITY_ENDPOINT).</summary>
    public string? ManagedIdentityEndpoint { get; set; }

    /// <summary>
    /// Accept unauthenticated requests even though an app id is set. Only for local emulators (Agents Playground,
    /// Emulator) that send no token; the host refuses to start with it outside the Development environment.
    /// </summary>
    public bool DisableAuthenticationForLocalEmulator { get; set; }

    /// <summary>
    /// Teams tenants allowed to use the bot. Checked only after the token was validated. "*" allows any tenant on
    /// purpose; in Production with an app id the host refuses to start while the list is empty.
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>Largest accepted request body on /api/messages, in bytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Hosts the bot may send replies to (the activity's serviceUrl): exact names or "*.domain" for subdomains. Empty:
    /// the Bot Connector's own hosts (<see cref="DefaultServiceUrlHosts"/>). Loopback addresses are allowed only where
    /// local mode is (the Development environment).
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>The Bot Connector service hosts: public cloud, Teams, US government and China clouds.</summary>
    public static IReadOnlyList<string> DefaultServiceUrlHosts { get; } =
    [
        "*.botframework.com",
        "smba.trafficmanager.net",
        "*.botframework.us",
        "*.botframework.azure.us",
        "*.botframework.azure.cn",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
    ];

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
