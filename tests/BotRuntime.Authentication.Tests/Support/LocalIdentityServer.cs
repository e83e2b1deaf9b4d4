using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BotRuntime.Authentication.Tests.Support;

/// <summary>
/// A stand-in for login.botframework.com and login.microsoftonline.com on 127.0.0.1 (Kestrel, random port): OpenID
/// metadata and JWKS for channel and Emulator tokens, the OAuth2 token endpoint and an App Service managed identity
/// endpoint. The tests change its keys and answers while it runs and count what it was asked.
/// </summary>
public sealed class LocalIdentityServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _channelMetadataRequests;
    private int _emulatorMetadataRequests;
    private int _tokenRequests;
    private int _msiRequests;

    private LocalIdentityServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ChannelMetadataUrl => $"{BaseUrl}/channel/v1/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => $"{BaseUrl}/emulator/common/v2.0/.well-known/openid-configuration";

    public string ManagedIdentityUrl => $"{BaseUrl}/msi/token";

    /// <summary>Keys published for channel tokens. Replace the list's content to rotate keys.</summary>
    public List<TestSigningKey> ChannelKeys { get; } = [];

    public List<TestSigningKey> EmulatorKeys { get; } = [];

    /// <summary>While true every endpoint answers 503, as an identity service that is down.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Answer of the token endpoints: status, and seconds until expiry (expires_in / expires_on).</summary>
    public int TokenStatus { get; set; } = 200;

    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>The error body the token endpoint sends when <see cref="TokenStatus"/> is not 200.</summary>
    public string TokenErrorBody { get; set; } =
        """{"error":"unauthorized_client","error_description":"AADSTS700016: Application not found in the directory.","error_codes":[700016]}""";

    /// <summary>Clock for expires_on in managed identity answers.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    public int ChannelMetadataRequests => Volatile.Read(ref _channelMetadataRequests);

    public int EmulatorMetadataRequests => Volatile.Read(ref _emulatorMetadataRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int ManagedIdentityRequests => Volatile.Read(ref _msiRequests);

    /// <summary>Each token request: the tenant in the path and the form fields.</summary>
    public ConcurrentQueue<(string Tenant, Dictionary<string, string> Form)> TokenRequestLog { get; } = new();

    /// <summary>Each managed identity request: query string and X-IDENTITY-HEADER.</summary>
    public ConcurrentQueue<(QueryString Query, string? IdentityHeader)> ManagedIdentityLog { get; } = new();

    public static async Task<LocalIdentityServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalIdentityServer(app);
        server.Map(app);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First().TrimEnd('/');
        return server;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (Unavailable)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await next(context);
        });

        app.MapGet("/channel/v1/.well-known/openidconfiguration", (HttpContext context) =>
        {
            Interlocked.Increment(ref _channelMetadataRequests);
            return Metadata(context, "https://api.botframework.com", $"{BaseUrl}/channel/v1/.well-known/keys");
        });
        app.MapGet("/channel/v1/.well-known/keys", (HttpContext context) => Jwks(context, ChannelKeys));
        app.MapGet("/emulator/common/v2.0/.well-known/openid-configuration", (HttpContext context) =>
        {
            Interlocked.Increment(ref _emulatorMetadataRequests);
            return Metadata(context, "https://login.microsoftonline.com/{tenantid}/v2.0", $"{BaseUrl}/emulator/common/discovery/v2.0/keys");
        });
        app.MapGet("/emulator/common/discovery/v2.0/keys", (HttpContext context) => Jwks(context, EmulatorKeys));

        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
        {
            var number = Interlocked.Increment(ref _tokenRequests);
            var form = await context.Request.ReadFormAsync();
            TokenRequestLog.Enqueue((tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            await WriteTokenAsync(context, $"bot-access-token-{number}", expiresOn: false);
        });

        app.MapGet("/msi/token", async (HttpContext context) =>
        {
            var number = Interlocked.Increment(ref _msiRequests);
            ManagedIdentityLog.Enqueue((context.Request.QueryString, context.Request.Headers["X-IDENTITY-HEADER"].FirstOrDefault()));
            await WriteTokenAsync(context, $"msi-access-token-{number}", expiresOn: true);
        });
    }

    private static Task Metadata(HttpContext context, string issuer, string jwksUri)
    {
        context.Response.ContentType = "application/json";
        return WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("issuer", issuer);
            writer.WriteString("jwks_uri", jwksUri);
            writer.WriteStartArray("id_token_signing_alg_values_supported");
            writer.WriteStringValue("RS256");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static Task Jwks(HttpContext context, List<TestSigningKey> keys)
    {
        TestSigningKey[] snapshot;
        lock (keys)
        {
            snapshot = [.. keys];
        }

        return WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in snapshot)
            {
                key.WriteJwk(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private Task WriteTokenAsync(HttpContext context, string token, bool expiresOn)
    {
        if (TokenStatus != 200)
        {
            context.Response.StatusCode = TokenStatus;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(TokenErrorBody);
        }

        return WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token_type", "Bearer");
            writer.WriteString("access_token", token);
            if (expiresOn)
            {
                // App Service managed identity: expires_on is a string of Unix seconds.
                writer.WriteString("expires_on", Now().AddSeconds(TokenLifetimeSeconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("resource", "https://api.botframework.com");
            }
            else
            {
                writer.WriteNumber("expires_in", TokenLifetimeSeconds);
                writer.WriteNumber("ext_expires_in", TokenLifetimeSeconds);
            }

            writer.WriteEndObject();
        });
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        await context.Response.Body.WriteAsync(buffer.ToArray());
    }

    public void PublishChannelKeys(params TestSigningKey[] keys)
    {
        lock (ChannelKeys)
        {
            ChannelKeys.Clear();
            ChannelKeys.AddRange(keys);
        }
    }

    public void PublishEmulatorKeys(params TestSigningKey[] keys)
    {
        lock (EmulatorKeys)
        {
            EmulatorKeys.Clear();
            EmulatorKeys.AddRange(keys);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
