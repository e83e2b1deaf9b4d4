using System.Collections.Concurrent;
using System.Net.Http.Json;
using B12Bot.Hosting;
using BotRuntime.Schema;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace B12Bot.Tests.Support;

/// <summary>The real B12Bot application on a loopback port, with every log line it writes captured.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningBot(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the host in Development (where /api/messages is open to local tools without an app id); settings such as
    /// "--environment", "Production" come later and win.
    /// </summary>
    public static Task<RunningBot> StartAsync(params string[] settings) => StartAsync(null, settings);

    public static async Task<RunningBot> StartAsync(Action<WebApplicationBuilder>? configure, params string[] settings)
    {
        var logs = new CapturingLoggerProvider();
        var app = B12BotApplication.Build(
            ["--urls", "http://127.0.0.1:0", "--environment", "Development", "--BotState:Provider", "Memory", .. settings],
            builder =>
            {
                configure?.Invoke(builder);
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(logs);
            });
        await app.StartAsync();
        return new RunningBot(app, logs);
    }

    public async Task<List<Activity>> SendAsync(Activity activity)
    {
        using var response = await Client.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies))!.Activities;
    }

    public Task<List<Activity>> SayAsync(string text, string conversationId, string channelId = Channels.Webchat) =>
        SendAsync(Turns.Message(text, conversationId, channelId));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class Turns
{
    public static Activity Message(string? text, string conversationId, string channelId = Channels.Webchat) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount("visitor-1", "Visitor", RoleTypes.User),
        Recipient = new ChannelAccount("b12bot", "B12Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
        Text = text,
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    public static string Text(IEnumerable<Activity> replies) =>
        string.Join("\n", replies.Where(r => r.Type == ActivityTypes.Message).Select(r => r.Text));
}

/// <summary>Keeps every formatted log message and every structured value, to prove what is (not) logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("|", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner.Entries.Enqueue($"{category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}

public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "B12Bot.sln")))
            {
                folder = folder.Parent;
            }

            // Built with an artifacts path outside the repository: the build recorded where the repository is.
            return folder?.FullName
                ?? typeof(RepositoryFiles).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                    .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
                ?? throw new InvalidOperationException("Run the tests from inside the repository.");
        }
    }
}
