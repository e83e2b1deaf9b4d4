using System.Collections.Concurrent;
using B12Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// The real B12Bot host (<see cref="B12BotApplication.Build"/>, as Program.cs runs it) on a free 127.0.0.1 port, set up
/// the way a developer runs it against the Agents Playground: Development environment, an app id with
/// DisableAuthenticationForLocalEmulator (the playground sends no token and a http://127.0.0.1 serviceUrl), the clinic's
/// tenant as the only allowed tenant, and in-memory state so every test starts from a fresh bot.
/// </summary>
public sealed class B12BotServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private B12BotServer(WebApplication app, Uri baseAddress, ConcurrentQueue<string> log)
    {
        _app = app;
        BaseAddress = baseAddress;
        Log = log;
    }

    public Uri BaseAddress { get; }

    public Uri MessagingEndpoint => new(BaseAddress, "/api/messages");

    /// <summary>The host's warnings and errors (category, level, message; never message text), for failure reports.</summary>
    public ConcurrentQueue<string> Log { get; }

    /// <param name="settings">More settings ("--Key", "value", ...), e.g. the handoff's.</param>
    public static async Task<B12BotServer> StartAsync(CancellationToken cancellationToken, params string[] settings)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            "--BotState:Provider", "Memory",
            "--MicrosoftAppId", ClinicTenant.MicrosoftAppId,
            "--DisableAuthenticationForLocalEmulator", "true",
            "--AllowedTenants:0", ClinicTenant.TenantId,
            .. settings,
        ];
        var log = new ConcurrentQueue<string>();
        var app = B12BotApplication.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddProvider(new QueueLoggerProvider(log));
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

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new B12BotServer(app, new Uri(address), log);
    }

    public async ValueTask DisposeAsync()
    {
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
