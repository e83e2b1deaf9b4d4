namespace BotRuntime.AspNetCore.Authentication;

/// <summary>The Bot Framework's well-known token values (public cloud), as the connector authentication spec names them.</summary>
public static class AuthenticationConstants
{
    /// <summary>The only issuer of tokens that Azure Bot Service channels (Teams, Direct Line...) send to a bot.</summary>
    public const string ChannelTokenIssuer = "https://api.botframework.com";

    /// <summary>The claim that binds a channel token to the serviceUrl the bot must answer to.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";
    public const string VersionClaim = "ver";

    /// <summary>The tenant that issues multi-tenant bot tokens.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>The JWK member that lists the channels a signing key may be used for.</summary>
    public const string EndorsementsMember = "endorsements";

    /// <summary>The algorithms the Bot Framework signs with; anything else is refused.</summary>
    public static readonly IReadOnlyList<string> AllowedSigningAlgorithms = ["RS256", "RS384", "RS512"];

    /// <summary>Clock skew allowed on nbf/exp, as in the SDK.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Issuers of the tokens the Bot Framework Emulator sends when the bot has credentials (v1 and v2 token forms of the
    /// two Emulator tenants). The bot's own tenant is added for single-tenant bots.
    /// </summary>
    public static readonly IReadOnlyList<string> EmulatorTokenIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    public static string[] TenantTokenIssuers(string tenantId) =>
    [
        $"https://sts.windows.net/{tenantId}/",
        $"https://login.microsoftonline.com/{tenantId}/v2.0",
    ];
}
