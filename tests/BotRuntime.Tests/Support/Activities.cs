using System.Net.Http.Json;
using BotRuntime.Schema;

namespace BotRuntime.Tests.Support;

public static class Activities
{
    public static Activity Message(string text, string conversationId = "conv-1", string? serviceUrl = "http://127.0.0.1:9/", string deliveryMode = DeliveryModes.ExpectReplies) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channels.Emulator,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount("user-1", "User", RoleTypes.User),
        Recipient = new ChannelAccount("bot-1", "Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
        Text = text,
        DeliveryMode = deliveryMode,
        Locale = "en-US",
    };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, Activity activity) =>
        client.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);

    public static async Task<List<Activity>> RepliesAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var replies = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies);
        return replies!.Activities;
    }
}
