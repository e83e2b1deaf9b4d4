using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotRuntime.AspNetCore.DirectLine.Tokens;

/// <summary>
/// Issues and checks conversation tokens: HMAC-SHA256 JWTs that name one conversation and, usually, the user.
/// directlinejs reads the <c>user</c> claim to learn the user id, so it is a plain claim with that name.
/// Lifetimes are checked against <see cref="TimeProvider"/> so that expiry is testable.
/// </summary>
public sealed partial class DirectLineTokenService
{
    public const string ConversationClaim = "conv";
    public const string UserClaim = "user";
    private const string Issuer = "botruntime-directline";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineTokenService> logger)
    {
        var settings = options.Value;
        _time = time;
        _lifetime = settings.TokenLifetime;

        byte[] keyBytes;
        if (string.IsNullOrEmpty(settings.TokenSigningKey))
        {
            keyBytes = RandomNumberGenerator.GetBytes(32);
            LogEphemeralKey(logger);
        }
        else
        {
            keyBytes = Encoding.UTF8.GetBytes(settings.TokenSigningKey);
        }

        var key = new SymmetricSecurityKey(keyBytes);
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // Lifetime is checked below against the TimeProvider, so that "expired" can be told apart from "forged".
            ValidateLifetime = false,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
    }

    public TimeSpan Lifetime => _lifetime;

    /// <summary>A new token for <paramref name="conversationId"/> (and the user, when known), valid for the configured lifetime.</summary>
    public string Issue(string conversationId, string? userId)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [ConversationClaim] = conversationId };
        if (!string.IsNullOrEmpty(userId))
        {
            claims[UserClaim] = userId;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            Claims = claims,
            SigningCredentials = _credentials,
        });
    }

    /// <summary>Checks signature, issuer and lifetime. Never throws for bad input.</summary>
    public async Task<TokenCheck> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return TokenCheck.Invalid;
        }

        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(token, _validation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return TokenCheck.Invalid;
        }

        if (!jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId) || string.IsNullOrEmpty(conversationId))
        {
            return TokenCheck.Invalid;
        }

        jwt.TryGetPayloadValue<string>(UserClaim, out var userId);
        var now = _time.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo <= now)
        {
            return new TokenCheck(TokenStatus.Expired, conversationId, userId);
        }

        if (jwt.ValidFrom > now + TimeSpan.FromMinutes(5))
        {
            return TokenCheck.Invalid;
        }

        return new TokenCheck(TokenStatus.Valid, conversationId, userId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DirectLine:TokenSigningKey is not set: tokens are signed with a random per-process key and stop working after a restart")]
    private static partial void LogEphemeralKey(ILogger logger);
}
