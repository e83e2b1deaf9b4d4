using System.Net.Http.Json;
using BotRuntime.Schema;

namespace B12Bot.Eval;

/// <summary>Plays one scripted visit through /api/messages and prints it as a transcript (for the README).</summary>
public static class SampleConversation
{
    public static async Task PrintAsync(HttpClient http, IEnumerable<string> userTurns, TextWriter output)
    {
        var conversationId = $"sample-{Guid.NewGuid():N}";
        var start = Turn(conversationId, null);
        start.Type = ActivityTypes.ConversationUpdate;
        start.MembersAdded = [new ChannelAccount("b12bot", "B12Bot"), new ChannelAccount("visitor", "Visitor")];
        await PrintRepliesAsync(http, start, output);
        foreach (var text in userTurns)
        {
            output.WriteLine($"**Visitor:** {text}");
            output.WriteLine();
            await PrintRepliesAsync(http, Turn(conversationId, text), output);
        }
    }

    private static async Task PrintRepliesAsync(HttpClient http, Activity activity, TextWriter output)
    {
        using var response = await http.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
        var replies = (await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies))?.Activities ?? [];
        foreach (var reply in replies.Where(r => r.Type == ActivityTypes.Message))
        {
            var urgent = reply.Importance == ActivityImportance.High ? " *(importance: high)*" : string.Empty;
            output.WriteLine($"**B12Bot{urgent}:** {reply.Text?.ReplaceLineEndings(" ")}");
            var buttons = reply.SuggestedActions?.Actions?.Select(a => a.Title).ToArray() ?? [];
            if (buttons.Length > 0)
            {
                output.WriteLine($"> quick replies: {string.Join(" · ", buttons)}");
            }

            output.WriteLine();
        }
    }

    private static Activity Turn(string conversationId, string? text) => BotClient.Message(conversationId, text, Channels.Webchat);
}
