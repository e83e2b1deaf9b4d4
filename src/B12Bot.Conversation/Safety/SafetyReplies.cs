using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Dialogs;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// Builds the triage's messages from reviewed content: the urgent, crisis and poisoning messages are the only activities
/// the bot ever sends with importance "high", and on Teams the only ones with a notification alert (set here, once).
/// </summary>
public sealed class SafetyReplies(B12Content content)
{
    private readonly SafetyRules _rules = (content ?? throw new ArgumentNullException(nameof(content))).Safety;

    /// <summary>The message for an emergency, crisis or poisoning verdict.</summary>
    public Activity For(TriageClass triageClass, string? channelId) => triageClass switch
    {
        TriageClass.Emergency => Urgent(channelId),
        TriageClass.Crisis => HighImportance(_rules.CrisisMessage, channelId),
        TriageClass.Poisoning => HighImportance(_rules.PoisoningMessage, channelId),
        _ => throw new ArgumentOutOfRangeException(nameof(triageClass), triageClass, "Only emergency, crisis and poisoning have a message of their own."),
    };

    /// <summary>The urgent message: call the emergency number now, what to do until help comes.</summary>
    public Activity Urgent(string? channelId) => HighImportance(_rules.UrgentMessage, channelId);

    /// <summary>The possible-reaction check question, with its Yes and No buttons.</summary>
    public Activity ReactionQuestion() => Replies.Message(_rules.ReactionCheck.Question, [_rules.ReactionCheck.Yes, _rules.ReactionCheck.No]);

    public Activity ReactionRetry() => Replies.Message(_rules.ReactionCheck.Retry, [_rules.ReactionCheck.Yes, _rules.ReactionCheck.No]);

    public Activity ReactionWatchFor() => Replies.Message(_rules.ReactionCheck.WatchFor);

    private static Activity HighImportance(string text, string? channelId)
    {
        var message = Replies.Message(text);
        message.Importance = ActivityImportance.High;
        if (string.Equals(channelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase))
        {
            message.ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, Dictionary<string, bool>>
            {
                ["notification"] = new() { ["alert"] = true },
            }, SafetyJsonContext.Default.DictionaryStringDictionaryStringBoolean);
        }

        return message;
    }
}
