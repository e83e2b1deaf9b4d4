using System.Security.Claims;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Validates the bearer token on every inbound request when the bot has a MicrosoftAppId, as the connector
/// authentication spec describes. Channel tokens (issuer https://api.botframework.com) must be signed by a key from the
/// channel OpenID metadata that is endorsed for the activity's channelId, carry aud = the app id and a serviceurl claim
/// equal to the activity's serviceUrl. Emulator tokens (Emulator/tenant issuers) are checked against the Emulator
/// metadata and their appid (ver 1.0) or azp (ver 2.0) must be the app id.
/// Outcomes: 401 for a missing, malformed, expired, badly signed, mis-addressed token or when keys cannot be fetched;
/// 403 for a valid token whose key is not endorsed for the channel.
/// </summary>
public sealed partial class BotFrameworkAuthenticator : IBotAuthenticator, IDisposable
{
    private const string BearerScheme = "Bearer ";
    private const int MaxTokenLength = 16 * 1024;

    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;
    private readonly OpenIdSigningKeyCache _channelKeys;
    private readonly OpenIdSigningKeyCache _emulatorKeys;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly HashSet<string> _emulatorIssuers;

    public BotFrameworkAuthenticator(
        IOptions<BotFrameworkOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.MicrosoftAppId))
        {
            throw new InvalidOperationException("Token validation needs a MicrosoftAppId; use LocalModeAuthenticator without one.");
        }

        _time = time;
        _logger = logger;
        _channelKeys = new OpenIdSigningKeyCache(httpClientFactory, BotFrameworkHttpClientNames.OpenIdMetadata, _options.ToBotFromChannelOpenIdMetadataUrl, time, logger);
        _emulatorKeys = new OpenIdSigningKeyCache(httpClientFactory, BotFrameworkHttpClientNames.OpenIdMetadata, _options.ToBotFromEmulatorOpenIdMetadataUrl, time, logger);
        _emulatorIssuers = new HashSet<string>(AuthenticationConstants.EmulatorTokenIssuers, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            _emulatorIssuers.UnionWith(AuthenticationConstants.TenantTokenIssuers(_options.MicrosoftAppTenantId.Trim()));
        }
    }

    /// <summary>The channel (Azure Bot Service) key cache; exposed for diagnostics and tests.</summary>
    internal OpenIdSigningKeyCache ChannelKeys => _channelKeys;

    internal OpenIdSigningKeyCache EmulatorKeys => _emulatorKeys;

    public async Task<AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Refuse(AuthenticationOutcome.Unauthorized("No Authorization header."), "no header");
        }

        if (!authorizationHeader.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(AuthenticationOutcome.Unauthorized("The Authorization header must use the Bearer scheme."), "not bearer");
        }

        var token = authorizationHeader[BearerScheme.Length..].Trim();
        if (token.Length == 0 || token.Length > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return Refuse(AuthenticationOutcome.Unauthorized("The bearer token is not a JWT."), "not a jwt");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Refuse(AuthenticationOutcome.Unauthorized("The bearer token is not a JWT."), "not a jwt");
        }

        // Route by the (not yet trusted) issuer, as the SDK does; the chosen path validates the issuer for real.
        var issuer = unvalidated.TryGetPayloadValue<string>("iss", out var iss) ? iss : null;
        try
        {
            return issuer is not null && _emulatorIssuers.Contains(issuer)
                ? await AuthenticateEmulatorTokenAsync(token, cancellationToken).ConfigureAwait(false)
                : await AuthenticateChannelTokenAsync(token, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (SigningKeysUnavailableException)
        {
            // Never let a request through because the keys could not be checked.
            return Refuse(AuthenticationOutcome.Unauthorized("The token cannot be checked right now."), "signing keys unavailable");
        }
    }

    private async Task<AuthenticationOutcome> AuthenticateChannelTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var keys = await _channelKeys.GetKeysAsync(cancellationToken).ConfigureAwait(false);
        var parameters = CreateParameters(keys, [_options.ToBotFromChannelTokenIssuer], _options.MicrosoftAppId);
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The issuer may have rotated its keys: refresh (rate-limited) and try once more.
            keys = await _channelKeys.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false);
            parameters = CreateParameters(keys, [_options.ToBotFromChannelTokenIssuer], _options.MicrosoftAppId);
            result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            return Refuse(AuthenticationOutcome.Unauthorized("The token is not valid for this bot."), result.Exception?.GetType().Name ?? "invalid");
        }

        if (!keys.IsEndorsedFor(validated.Kid, activity.ChannelId))
        {
            return Refuse(AuthenticationOutcome.Forbidden("The token's signing key is not endorsed for this channel."), "missing endorsement");
        }

        var serviceUrl = validated.TryGetPayloadValue<string>(AuthenticationConstants.ServiceUrlClaim, out var claim) ? claim : null;
        if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(AuthenticationOutcome.Unauthorized("The token's serviceurl claim does not match the activity."), "serviceurl mismatch");
        }

        return AuthenticationOutcome.Success(result.ClaimsIdentity, CallerIdConstants.PublicAzureChannel);
    }

    private async Task<AuthenticationOutcome> AuthenticateEmulatorTokenAsync(string token, CancellationToken cancellationToken)
    {
        var keys = await _emulatorKeys.GetKeysAsync(cancellationToken).ConfigureAwait(false);

        // As in the SDK the audience is not checked here: the app id claim below binds the token to this bot.
        var parameters = CreateParameters(keys, _emulatorIssuers, audience: null);
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            keys = await _emulatorKeys.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false);
            parameters = CreateParameters(keys, _emulatorIssuers, audience: null);
            result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            return Refuse(AuthenticationOutcome.Unauthorized("The token is not valid for this bot."), result.Exception?.GetType().Name ?? "invalid");
        }

        if (!validated.TryGetPayloadValue<string>(AuthenticationConstants.VersionClaim, out var version))
        {
            return Refuse(AuthenticationOutcome.Unauthorized("The Emulator token has no version claim."), "no ver claim");
        }

        var appIdClaim = version switch
        {
            "" or "1.0" => AuthenticationConstants.AppIdClaim,
            "2.0" => AuthenticationConstants.AuthorizedPartyClaim,
            _ => null,
        };
        var appId = appIdClaim is not null && validated.TryGetPayloadValue<string>(appIdClaim, out var value) ? value : null;
        if (appId is null || !string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(AuthenticationOutcome.Unauthorized("The Emulator token was issued to another app."), "emulator app id mismatch");
        }

        return AuthenticationOutcome.Success(result.ClaimsIdentity, CallerIdConstants.PublicAzureChannel);
    }

    private TokenValidationParameters CreateParameters(SigningKeySet keys, IEnumerable<string> issuers, string? audience) => new()
    {
        ValidIssuers = issuers,
        ValidateIssuer = true,
        ValidAudience = audience,
        ValidateAudience = audience is not null,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = AuthenticationConstants.ClockSkew,
        LifetimeValidator = IsWithinLifetime,
        RequireSignedTokens = true,
        ValidAlgorithms = AuthenticationConstants.AllowedSigningAlgorithms,
        IssuerSigningKeys = keys.Keys,

        // Only the key named by the token's kid may verify it; an unknown kid triggers a key refresh instead.
        TryAllIssuerSigningKeys = false,
        SaveSigninToken = false,
    };

    /// <summary>nbf/exp against this bot's clock (TimeProvider), with the SDK's 5 minutes of skew; exp is required.</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp
               && exp.ToUniversalTime() + AuthenticationConstants.ClockSkew >= now
               && (notBefore is not { } nbf || nbf.ToUniversalTime() - AuthenticationConstants.ClockSkew <= now);
    }

    private AuthenticationOutcome Refuse(AuthenticationOutcome outcome, string reason)
    {
        LogRefused(outcome.StatusCode, reason);
        return outcome;
    }

    public void Dispose()
    {
        _channelKeys.Dispose();
        _emulatorKeys.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an inbound token with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
