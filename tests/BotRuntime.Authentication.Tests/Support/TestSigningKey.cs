using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace BotRuntime.Authentication.Tests.Support;

/// <summary>An RSA signing key the tests own, published in the local JWKS with Bot Framework endorsements.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string kid, params string[] endorsements)
    {
        Kid = kid;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    /// <summary>This key as a JWK, as login.botframework.com publishes it (kty, use, kid, x5t, n, e, endorsements).</summary>
    public void WriteJwk(Utf8JsonWriter writer)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        writer.WriteStartObject();
        writer.WriteString("kty", "RSA");
        writer.WriteString("use", "sig");
        writer.WriteString("kid", Kid);
        writer.WriteString("x5t", Kid);
        writer.WriteString("n", Base64UrlEncoder.Encode(parameters.Modulus));
        writer.WriteString("e", Base64UrlEncoder.Encode(parameters.Exponent));
        if (Endorsements.Count > 0)
        {
            writer.WriteStartArray("endorsements");
            foreach (var endorsement in Endorsements)
            {
                writer.WriteStringValue(endorsement);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public void Dispose() => _rsa.Dispose();
}
