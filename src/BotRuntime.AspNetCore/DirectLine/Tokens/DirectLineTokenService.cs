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

    /// <summary>When the conversation ends (Unix seconds), fixed when it starts and copied into every later token.</summary>
    public const string ConversationEndsClaim = "cexp";

    private const string Issuer = "botruntime-directline";

    /// <summary>The audience of stream tickets: they open a conversation's WebSocket and nothing else.</summary>
    private const string StreamAudience = "botruntime-directline-stream";

    /// <summary>
    /// How long a stream ticket is good for: long enough to open the socket the answer names. A ticket sits in the
    /// WebSocket URL, where proxies and access logs may record it, so it must be worthless by the time anyone reads it.
    /// </summary>
    public static readonly TimeSpan StreamTicketLifetime = TimeSpan.FromMinutes(2);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _conversationLifetime;
    private readonly TokenValidationParameters _streamValidation;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineTokenService> logger)
    {
        var settings = options.Value;
        _time = time;
        _lifetime = settings.TokenLifetime;
        _conversationLifetime = settings.ConversationLifetime;

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
        _streamValidation = _validation.Clone();
        _streamValidation.ValidAudience = StreamAudience;
    }

    public TimeSpan Lifetime => _lifetime;

    /// <summary>How long a token for a new conversation lasts: its lifetime, or the conversation's if that is shorter.</summary>
    public TimeSpan NewTokenLifetime => _lifetime < _conversationLifetime ? _lifetime : _conversationLifetime;

    /// <summary>
    /// A new token for <paramref name="conversationId"/> (and the user, when known), valid for the configured lifetime
    /// but never beyond the conversation's end: <paramref name="conversationEndsAt"/> from the caller's token, or, for
    /// a new conversation (null), now plus <see cref="DirectLineOptions.ConversationLifetime"/>.
    /// </summary>
    public string Issue(string conversationId, string? userId, DateTimeOffset? conversationEndsAt = null) =>
        Create(conversationId, userId, conversationEndsAt, _lifetime, Issuer);

    /// <summary>A short-lived ticket that opens the conversation's WebSocket stream only (the stream URL's <c>?t=</c>).</summary>
    public string IssueStreamTicket(string conversationId, string? userId, DateTimeOffset? conversationEndsAt) =>
        Create(conversationId, userId, conversationEndsAt, StreamTicketLifetime, StreamAudience);

    /// <summary>When a conversation started now would end.</summary>
    public DateTimeOffset NewConversationEnd() => _time.GetUtcNow() + _conversationLifetime;

    private string Create(string conversationId, string? userId, DateTimeOffset? conversationEndsAt, TimeSpan lifetime, string audience)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var ends = (conversationEndsAt ?? NewConversationEnd()).UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ConversationClaim] = conversationId,
            [ConversationEndsClaim] = new DateTimeOffset(ends).ToUnixTimeSeconds(),
        };
        if (!string.IsNullOrEmpty(userId))
        {
            claims[UserClaim] = userId;
        }

        var expires = now + lifetime < ends ? now + lifetime : ends;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now < expires ? now : expires,
            Expires = expires,
            Claims = claims,
            SigningCredentials = _credentials,
        });
    }

    /// <summary>Checks signature, issuer and lifetime. Never throws for bad input.</summary>
    public Task<TokenCheck> ValidateAsync(string? token) => ValidateAsync(token, _validation);

    /// <summary>Checks a stream ticket (<see cref="IssueStreamTicket"/>); a conversation token is not a ticket.</summary>
    public Task<TokenCheck> ValidateStreamTicketAsync(string? ticket) => ValidateAsync(ticket, _streamValidation);

    private async Task<TokenCheck> ValidateAsync(string? token, TokenValidationParameters validation)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return TokenCheck.Invalid;
        }

        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(token, validation).ConfigureAwait(false);
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
        if (!jwt.TryGetPayloadValue<long>(ConversationEndsClaim, out var endsSeconds))
        {
            // Every token this service issues carries the conversation's end; one without it is not ours.
            return TokenCheck.Invalid;
        }

        var ends = DateTimeOffset.FromUnixTimeSeconds(endsSeconds);
        var now = _time.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo <= now || ends.UtcDateTime <= now)
        {
            return new TokenCheck(TokenStatus.Expired, conversationId, userId, ends);
        }

        if (jwt.ValidFrom > now + TimeSpan.FromMinutes(5))
        {
            return TokenCheck.Invalid;
        }

        return new TokenCheck(TokenStatus.Valid, conversationId, userId, ends);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DirectLine:TokenSigningKey is not set: tokens are signed with a random per-process key and stop working after a restart")]
    private static partial void LogEphemeralKey(ILogger logger);
}
