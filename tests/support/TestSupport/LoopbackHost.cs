using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace TestSupport;

/// <summary>How to start a host on loopback. Arguments are command-line settings ("--Key", "value"); later ones win.</summary>
public sealed record LoopbackHostOptions
{
    public string Environment { get; init; } = "Development";

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>A port chosen up front (<see cref="FreePort.Next"/>) when settings need the address; any free port when null.</summary>
    public int? Port { get; init; }

    /// <summary>The lowest level captured in <see cref="LoopbackHost.Logs"/> (the host's Logging settings filter too).</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Runs last on the builder, e.g. to replace a service with a fake.</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
}

/// <summary>
/// A real application, built the way its Program.cs builds it, on Kestrel at 127.0.0.1, with every log record it writes
/// captured by FakeLogger instead of written to the console.
/// </summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Logs = app.Services.GetFakeLogCollector();
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="build">The application's own build method, e.g. B12BotApplication.Build.</param>
    public static async Task<LoopbackHost> StartAsync(
        Func<string[], Action<WebApplicationBuilder>?, WebApplication> build,
        LoopbackHostOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LoopbackHostOptions();
        string[] args = ["--urls", $"http://127.0.0.1:{options.Port ?? 0}", "--environment", options.Environment, .. options.Arguments];
        var app = build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
            builder.Logging.AddFakeLogging();
            options.Configure?.Invoke(builder);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new LoopbackHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
