using System.Net.Http.Json;
using System.Text.Json;
using B12Bot.WebChat.Tests.Support;
using B12Bot.Conversation.Content;
using BotRuntime.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace B12Bot.WebChat.Tests.Dashboard;

/// <summary>The real host with the dashboard on (an operator key), in Development so tests can post turns to /api/messages.</summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef0123456789";

    private DashboardHost(ProductHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public ProductHost Host { get; }

    public HttpClient Client { get; }

    public static async Task<DashboardHost> StartAsync(Dictionary<string, string?>? settings = null, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["B12Bot:Admin:OperatorKey"] = OperatorKey,
            ["B12Bot:Admin:FlushInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new DashboardHost(await ProductHost.StartAsync(all, configure));
    }

    /// <summary>A new conversation as a channel opens it: the visitor joins, the bot welcomes them.</summary>
    public Task<List<Activity>> OpenConversationAsync(string conversationId)
    {
        var update = NewActivity(ActivityTypes.ConversationUpdate, conversationId);
        update.MembersAdded = [new ChannelAccount("visitor-" + conversationId, "Visitor", RoleTypes.User)];
        return SendAsync(update);
    }

    public Task<List<Activity>> SayAsync(string text, string conversationId)
    {
        var message = NewActivity(ActivityTypes.Message, conversationId);
        message.Text = text;
        return SendAsync(message);
    }

    /// <summary>Starts the symptom walkthrough and answers each question with its first choice until an outcome; returns the outcome id.</summary>
    public async Task<string> WalkThroughAsync(string conversationId)
    {
        var content = Host.Services.GetRequiredService<B12Content>();
        var replies = await SayAsync("check my symptoms", conversationId);
        for (var step = 0; step < 20; step++)
        {
            var text = string.Join("\n", replies.Select(r => r.Text));
            if (content.Walkthrough.Outcomes.FirstOrDefault(o => text.Contains(o.Title, StringComparison.Ordinal)) is { } reached)
            {
                return reached.Id;
            }

            var choice = replies.Select(r => r.SuggestedActions?.Actions?.FirstOrDefault()).LastOrDefault(a => a is not null)
                ?? throw new InvalidOperationException("The walkthrough stopped without an outcome: " + text);
            replies = await SayAsync(choice.Value?.ToString() ?? choice.Title!, conversationId);
        }

        throw new InvalidOperationException("The walkthrough did not reach an outcome in 20 answers.");
    }

    public async Task<JsonElement> SummaryAsync(int days = 7)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/api/summary?days={days}");
        request.Headers.Add("X-Operator-Key", OperatorKey);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async Task<string> SummaryTextAsync(int days = 7)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/api/summary?days={days}");
        request.Headers.Add("X-Operator-Key", OperatorKey);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<Activity>> SendAsync(Activity activity)
    {
        using var response = await Client.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies))!.Activities;
    }

    private static Activity NewActivity(string type, string conversationId) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channels.Webchat,
        ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount("visitor-" + conversationId, "Visitor", RoleTypes.User),
        Recipient = new ChannelAccount("b12bot", "B12Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    public static long Count(JsonElement map, string key) => map.TryGetProperty(key, out var value) ? value.GetInt64() : 0;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
