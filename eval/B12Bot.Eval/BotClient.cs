using System.Net.Http.Json;
using BotRuntime.Schema;

namespace B12Bot.Eval;

/// <summary>Talks to a bot's /api/messages the way a channel with expectReplies does: one new conversation per case.</summary>
public sealed class BotClient(HttpClient http)
{
    private int _conversation;

    public async Task<IReadOnlyList<Activity>> AskAsync(string text, CancellationToken cancellationToken = default)
    {
        var conversationId = $"eval-{Interlocked.Increment(ref _conversation)}-{Guid.NewGuid():N}";
        var activity = Message(conversationId, text, Channels.Emulator);
        using var response = await http.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity, cancellationToken);
        response.EnsureSuccessStatusCode();
        var replies = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies, cancellationToken);
        return replies?.Activities ?? [];
    }

    /// <summary>A visitor's message as a channel sends it, asking for the replies in the HTTP answer.</summary>
    public static Activity Message(string conversationId, string? text, string channelId) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount("visitor", "Visitor", RoleTypes.User),
        Recipient = new ChannelAccount("b12bot", "B12Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
        Text = text,
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    };
}
