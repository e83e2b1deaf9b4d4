using BotRuntime.AspNetCore;
using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.Builder;
using BotRuntime.State;
using BotRuntime.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace B12Bot.WebChat.Tests.Support;

/// <summary>
/// A real Kestrel host on 127.0.0.1 (free port) with the runtime's adapter, the Direct Line channel and a test bot, so
/// protocol tests exercise the channel on its own. The chat page is served from src/B12Bot/wwwroot.
/// </summary>
public sealed class DirectLineTestHost : IAsyncDisposable
{
    public const string Secret = "test-direct-line-secret-0123456789";
    public const string SigningKey = "test-signing-key-0123456789-0123456789-abcdef";

    private readonly WebApplication _app;

    private DirectLineTestHost(WebApplication app, Uri baseAddress, ScriptedTestBot bot)
    {
        _app = app;
        BaseAddress = baseAddress;
        Bot = bot;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public ScriptedTestBot Bot { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration overrides (keys like "DirectLine:WebChat:WebSocket").</param>
    /// <param name="time">A fake clock for token expiry and timeouts; the real clock when null.</param>
    /// <param name="withErrorHandler">Register the apologising turn-error handler (as the product does).</param>
    /// <param name="port">A fixed port (to restart "the same" server); a free one when 0.</param>
    /// <param name="logging">Log providers to add (the host logs nothing otherwise).</param>
    public static async Task<DirectLineTestHost> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? time = null, bool withErrorHandler = false, int port = 0, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = RepositoryPaths.HostProject,
            WebRootPath = RepositoryPaths.WebRoot,
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        var configuration = new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:TokenSigningKey"] = SigningKey,
            ["DirectLine:BotName"] = "Test bot",
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var bot = new ScriptedTestBot();
        builder.Services.AddSingleton<IBot>(bot);
        builder.Services.AddSingleton<IStorage, MemoryStorage>();
        builder.Services.AddSingleton<ConversationState>();
        if (withErrorHandler)
        {
            builder.Services.AddSingleton<ITurnErrorHandler, ApologizeAndResetErrorHandler>();
        }

        builder.Services.AddBotHttpAdapter(builder.Configuration);
        builder.Services.AddDirectLineChannel(builder.Configuration);

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseDirectLineChannel();
        app.MapBotMessages();
        app.MapDirectLineChannel();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DirectLineTestHost(app, new Uri(address), bot);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
