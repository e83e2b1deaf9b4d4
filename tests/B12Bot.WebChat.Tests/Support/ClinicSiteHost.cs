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
    private volatile string? _page;

    private ClinicSiteHost(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The site's origin, for the bot host's allowed origins.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// Starts the site on a loopback port the system picks, before the bot host exists: the bot host must allow the
    /// site's origin when it starts, and a port only reserved and released could be taken by another process in between.
    /// The page is served once <see cref="EmbedChatFrom"/> has said where the bot is.
    /// </summary>
    public static async Task<ClinicSiteHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new ClinicSiteHost(app);
        app.MapGet("/", () => site._page is { } page
            ? Results.Content(page, "text/html; charset=utf-8")
            : Results.Problem("the site does not know the bot host yet", statusCode: StatusCodes.Status503ServiceUnavailable));
        await app.StartAsync();
        site.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return site;
    }

    /// <summary>Puts the documented embed snippet, pointed at <paramref name="botHost"/>, on the site's page.</summary>
    public void EmbedChatFrom(Uri botHost)
    {
        var snippet = EmbedSnippet().Replace(DocumentedBotOrigin, botHost.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        _page = $"""
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
