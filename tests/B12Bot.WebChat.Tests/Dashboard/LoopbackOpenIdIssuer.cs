using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace B12Bot.WebChat.Tests.Dashboard;

/// <summary>
/// A stand-in for Microsoft Entra ID on a loopback https port: its own TLS certificate and token signing key, the v2.0
/// discovery document and JWKS at the addresses Entra uses ({instance}{tenant}/v2.0/...), and tokens shaped like
/// Entra's (iss, aud, tid, roles, nonce). Only the bot's sign-in back channel is told to trust its certificate.
/// </summary>
public sealed class LoopbackOpenIdIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly RsaSecurityKey _signingKey;

    private LoopbackOpenIdIssuer(WebApplication app, X509Certificate2 certificate, RsaSecurityKey signingKey, Uri instance, string tenantId)
    {
        _app = app;
        _certificate = certificate;
        _signingKey = signingKey;
        Instance = instance;
        TenantId = tenantId;
    }

    /// <summary>What B12Bot:Admin:Instance is set to.</summary>
    public Uri Instance { get; }

    public string TenantId { get; }

    /// <summary>The issuer Entra writes into a v2.0 token of the tenant.</summary>
    public string Issuer => $"{Instance.AbsoluteUri}{TenantId}/v2.0";

    public Uri AuthorizeEndpoint => new($"{Issuer}/oauth2/v2.0/authorize");

    public static async Task<LoopbackOpenIdIssuer> StartAsync(string tenantId)
    {
        var certificate = SelfSignedLoopbackCertificate();
        var signingKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "loopback-key-1" };
        var port = FreePort.Next();
        var instance = new Uri($"https://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var issuer = $"{instance.AbsoluteUri}{tenantId}/v2.0";
        app.MapGet($"/{tenantId}/v2.0/.well-known/openid-configuration", () => Results.Text(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{issuer}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{issuer}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{issuer}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token" },
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }), "application/json"));
        app.MapGet($"/{tenantId}/v2.0/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(signingKey);
            return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["keys"] = new[] { new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E } },
            }), "application/json");
        });
        await app.StartAsync();
        return new LoopbackOpenIdIssuer(app, certificate, signingKey, instance, tenantId);
    }

    /// <summary>The bot's back channel to this issuer: trusts exactly this issuer's certificate, nothing else.</summary>
    public HttpMessageHandler TrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawData.AsSpan().SequenceEqual(_certificate.RawData),
    };

    /// <summary>A token as Entra issues it for the dashboard's app registration, signed with this issuer's key unless told otherwise.</summary>
    public string Token(
        string audience,
        string? tenantId = null,
        string[]? roles = null,
        string? nonce = null,
        string? issuer = null,
        TimeSpan? expiresIn = null,
        SecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenantId ?? TenantId,
            ["oid"] = "0d5c3e1f-1111-4222-8333-944445555666",
            ["sub"] = "operator-subject",
            ["name"] = "Pat Operator",
            ["ver"] = "2.0",
        };
        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires - TimeSpan.FromHours(1) : now,
            NotBefore = expires < now ? expires - TimeSpan.FromHours(1) : now - TimeSpan.FromMinutes(1),
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? _signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same claims with "alg": "none" and no signature.</summary>
    public string UnsignedToken(string audience, string[] roles)
    {
        var signed = Token(audience, roles: roles);
        var payload = signed.Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
        _signingKey.Rsa.Dispose();
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so the private key is one the TLS stack can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
