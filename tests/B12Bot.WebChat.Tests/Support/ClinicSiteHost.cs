using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace B12Bot.WebChat.Tests.Support;

/// <summary>
/// A clinic's own website on another origin (another loopback port), whose page carries the embed snippet exactly as
/// docs/webchat-embedding.md gives it, pointed at the bot host.
/// </summary>
public sealed partial class ClinicSiteHost : IAsyncDisposable
{
    public const string DocumentedBotOrigin = "https://chat.your-clinic.example";

    private readonly WebApplication _app;

    private ClinicSiteHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The origin the site will have: it must be allowed by the bot host before the site starts.</summary>
    public static int ReservePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ClinicSiteHost> StartAsync(int port, Uri botHost)
    {
        var snippet = EmbedSnippet().Replace(DocumentedBotOrigin, botHost.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        var page = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Riverside Family Practice</title></head>
            <body>
              <main>
                <h1>Riverside Family Practice</h1>
                <p>Opening hours: Monday to Friday, 8am to 6pm.</p>
              </main>
              {snippet}
            </body>
            </html>
            """;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ClinicSiteHost(app, new Uri(address));
    }

    /// <summary>The first html block after the embed-snippet marker in docs/webchat-embedding.md.</summary>
    public static string EmbedSnippet()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "webchat-embedding.md"));
        var match = SnippetBlock().Match(doc);
        Assert.True(match.Success, "docs/webchat-embedding.md has no embed snippet after its marker");
        return match.Groups["html"].Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex(@"<!-- embed-snippet.*?-->\s*```html\r?\n(?<html>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SnippetBlock();
}
