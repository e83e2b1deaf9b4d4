namespace BotRuntime.AspNetCore.Authentication;

/// <summary>Names of the HttpClients that authentication uses (registered by AddBotFrameworkAuthentication).</summary>
public static class BotFrameworkHttpClientNames
{
    /// <summary>OpenID metadata and JWKS downloads (login.botframework.com, login.microsoftonline.com).</summary>
    public const string OpenIdMetadata = "BotFrameworkOpenIdMetadata";

    /// <summary>Token requests for outbound calls (Entra token endpoint or the managed identity endpoint).</summary>
    public const string Tokens = "BotFrameworkTokens";
}
