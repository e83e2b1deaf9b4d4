using BotRuntime.AspNetCore;
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

namespace BotRuntime.Tests.Support;

/// <summary>A real Kestrel host on 127.0.0.1 serving /api/messages with the runtime's adapter and a test bot.</summary>
public sealed class LoopbackBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackBotHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="environment">Development by default: without an app id, /api/messages is open to local tools there only.</param>
    public static async Task<LoopbackBotHost> StartAsync(IStorage storage, Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null, string environment = "Development", Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<IMiddleware>(sp => new AutoSaveStateMiddleware(sp.GetRequiredService<ConversationState>()));
        builder.Services.AddSingleton<ITurnErrorHandler, ApologizeAndResetErrorHandler>();
        builder.Services.AddSingleton<IBot, CounterBot>();
        builder.Services.AddBotHttpAdapter(builder.Configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackBotHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
