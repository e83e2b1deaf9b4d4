using System.Net.Http.Json;
using B12Bot.Hosting;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging.Testing;

namespace B12Bot.Tests.Support;

/// <summary>
/// The real B12Bot application on a loopback port (<see cref="LoopbackHost"/>), every log record from Trace up captured.
/// </summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private RunningBot(LoopbackHost host) => _host = host;

    public HttpClient Client => _host.Client;

    /// <summary>Every log record (<c>Logs.Entries</c> as text lines).</summary>
    public FakeLogCollector Logs => _host.Logs;

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts the host in Development (where /api/messages is open to local tools without an app id); settings such as
    /// "--environment", "Production" come later and win.
    /// </summary>
    public static Task<RunningBot> StartAsync(params string[] settings) => StartAsync(null, settings);

    public static async Task<RunningBot> StartAsync(Action<WebApplicationBuilder>? configure, params string[] settings) =>
        new(await LoopbackHost.StartAsync(B12BotApplication.Build, new LoopbackHostOptions
        {
            Arguments = ["--BotState:Provider", "Memory", .. settings],
            MinimumLogLevel = LogLevel.Trace,
            Configure = configure,
        }));

    public async Task<List<Activity>> SendAsync(Activity activity)
    {
        using var response = await Client.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies))!.Activities;
    }

    public Task<List<Activity>> SayAsync(string text, string conversationId, string channelId = Channels.Webchat) =>
        SendAsync(Turns.Message(text, conversationId, channelId));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
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
