using System.Buffers;
using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Dialogs;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// Builds the triage's messages from reviewed content. The urgent, crisis and poisoning messages are the only activities
/// the bot ever sends with importance "high"; on Teams the runtime's message shaper turns that importance into the
/// notification alert (the one place it is set). On Teams the urgent message also carries a "Call 911" button.
/// </summary>
public sealed class SafetyReplies
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private readonly SafetyRules _rules;
    private readonly JsonElement _callCard;

    public SafetyReplies(B12Content content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _rules = content.Safety;
        _callCard = CallCard(content.EmergencyNumber);
    }

    /// <summary>The messages for an emergency, crisis or poisoning verdict.</summary>
    public IReadOnlyList<Activity> For(TriageClass triageClass, string? channelId) => triageClass switch
    {
        TriageClass.Emergency => Urgent(channelId),
        TriageClass.Crisis => [HighImportance(_rules.CrisisMessage)],
        TriageClass.Poisoning => [HighImportance(_rules.PoisoningMessage)],
        _ => throw new ArgumentOutOfRangeException(nameof(triageClass), triageClass, "Only emergency, crisis and poisoning have a message of their own."),
    };

    /// <summary>
    /// The urgent message: call the emergency number now, what to do until help comes. On Teams a second message follows
    /// with the "Call 911" button: a card sent with the text in one activity is split by Teams clients into two
    /// messages anyway, and the urgent text must stay one message of its own (the one with the alert).
    /// </summary>
    public IReadOnlyList<Activity> Urgent(string? channelId)
    {
        var message = HighImportance(_rules.UrgentMessage);
        if (!string.Equals(channelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase))
        {
            return [message];
        }

        var callButton = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = AdaptiveCardContentType, Content = _callCard }] };
        return [message, callButton];
    }

    /// <summary>The possible-reaction check question, with its Yes and No buttons.</summary>
    public Activity ReactionQuestion() => Replies.Message(_rules.ReactionCheck.Question, [_rules.ReactionCheck.Yes, _rules.ReactionCheck.No]);

    public Activity ReactionRetry() => Replies.Message(_rules.ReactionCheck.Retry, [_rules.ReactionCheck.Yes, _rules.ReactionCheck.No]);

    public Activity ReactionWatchFor() => Replies.Message(_rules.ReactionCheck.WatchFor);

    private static Activity HighImportance(string text)
    {
        var message = Replies.Message(text);
        message.Importance = ActivityImportance.High;
        return message;
    }

    /// <summary>An Adaptive Card (1.5, what Teams renders) whose one button dials the emergency number (Action.OpenUrl tel:).</summary>
    private static JsonElement CallCard(string emergencyNumber)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "AdaptiveCard");
            writer.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            writer.WriteString("version", "1.5");
            writer.WriteStartArray("body");
            writer.WriteEndArray();
            writer.WriteStartArray("actions");
            writer.WriteStartObject();
            writer.WriteString("type", "Action.OpenUrl");
            writer.WriteString("title", "Call " + emergencyNumber.Trim());
            writer.WriteString("url", PhoneLink.Uri(emergencyNumber));
            writer.WriteString("style", "destructive");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
