using System.Collections.Concurrent;
using B12Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace B12Bot.WebChat.Tests.Support;

/// <summary>
/// The real B12Bot application (<see cref="B12BotApplication.Build"/>, as Program.cs runs it) on Kestrel at a free
/// 127.0.0.1 port, serving the page from src/B12Bot/wwwroot, with in-memory state so every test starts fresh.
/// </summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProductHost(WebApplication app, Uri baseAddress, ConcurrentQueue<string> log)
    {
        _app = app;
        BaseAddress = baseAddress;
        Log = log;
    }

    public Uri BaseAddress { get; }

    /// <summary>The host's warnings and errors, for failure messages.</summary>
    public ConcurrentQueue<string> Log { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ProductHost> StartAsync(Dictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        // Production needs the public address up front, so the port is chosen before the host starts.
        var port = FreePort();
        var args = new List<string>
        {
            "--urls", $"http://127.0.0.1:{port}",
            "--contentRoot", RepositoryPaths.HostProject,
            "--environment", "Production",
            "--DirectLine:PublicBaseUrl", $"http://127.0.0.1:{port}",
            "--BotState:Provider", "Memory",
        };
        foreach (var (key, value) in settings ?? [])
        {
            args.Add("--" + key);
            args.Add(value ?? string.Empty);
        }

        var log = new ConcurrentQueue<string>();
        var app = B12BotApplication.Build([.. args], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new QueueLoggerProvider(log));
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProductHost(app, new Uri(address), log);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> queue) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(queue, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> queue, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && queue.Count < 1000)
            {
                queue.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " (" + exception.GetType().Name + ")")}");
            }
        }
    }
}
