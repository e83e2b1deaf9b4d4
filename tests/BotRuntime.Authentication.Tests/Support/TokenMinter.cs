using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotRuntime.Authentication.Tests.Support;

/// <summary>Mints JWTs the way the Bot Connector service and the Emulator's login would, with the tests' own keys.</summary>
public static class TokenMinter
{
    public static string Mint(
        TestSigningKey? key,
        string issuer,
        string? audience,
        DateTimeOffset now,
        IDictionary<string, object>? claims = null,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? expiresOffset = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        bool withExpiry = true)
    {
        var notBefore = now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = withExpiry ? (now + (expiresOffset ?? TimeSpan.FromMinutes(60))).UtcDateTime : null,
            Claims = claims is null ? new Dictionary<string, object>() : new Dictionary<string, object>(claims),
            SigningCredentials = key is null ? null : new SigningCredentials(key.SecurityKey, algorithm),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(descriptor);
    }
}
