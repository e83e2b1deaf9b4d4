using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BotRuntime.Authentication.Tests.Support;

/// <summary>Serves one fixed (broken) OpenID metadata document on loopback.</summary>
public sealed class BadMetadataServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BadMetadataServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<BadMetadataServer> StartAsync(string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/metadata", (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        return new BadMetadataServer(app, app.Urls.First().TrimEnd('/') + "/metadata");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
