using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotRuntime.Schema;

/// <summary>
/// A Bot Framework activity: the one message shape exchanged between channels and bots.
/// Field names and meanings follow the Activity spec (v3.1); unknown fields on the wire are ignored.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<MessageReaction>? ReactionsAdded { get; set; }
    public List<MessageReaction>? ReactionsRemoved { get; set; }
    public string? TopicName { get; set; }
    public bool? HistoryDisclosed { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Code { get; set; }
    public DateTimeOffset? Expiration { get; set; }
    public string? Importance { get; set; }
    public string? DeliveryMode { get; set; }
    public List<string>? ListenFor { get; set; }
    public List<TextHighlight>? TextHighlights { get; set; }
    public SemanticAction? SemanticAction { get; set; }
    public string? CallerId { get; set; }

    /// <summary>A message activity with the given text (plain text unless <paramref name="textFormat"/> says otherwise).</summary>
    public static Activity CreateMessageActivity(string? text = null, string? textFormat = null) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = textFormat, Attachments = null };

    public static Activity CreateTypingActivity() => new() { Type = ActivityTypes.Typing };

    public static Activity CreateEventActivity(string name, JsonElement? value = null) =>
        new() { Type = ActivityTypes.Event, Name = name, Value = value };

    public static Activity CreateTraceActivity(string name, string? valueType = null, JsonElement? value = null, string? label = null) =>
        new() { Type = ActivityTypes.Trace, Name = name, ValueType = valueType, Value = value, Label = label };

    /// <summary>The reference needed to continue this conversation later (proactive messages, replies).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = ShouldSetReplyToId(this) ? Id : null,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>
    /// Addresses this (outgoing) activity with a conversation reference, as the SDK does:
    /// from = the bot, recipient = the user, same channel, conversation and service URL, reply to the incoming id.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            Id = reference.ActivityId ?? Id;
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            if (reference.ActivityId is not null)
            {
                ReplyToId = reference.ActivityId;
            }
        }

        return this;
    }

    /// <summary>A shallow copy: enough to address or stamp an activity without touching the original.</summary>
    public Activity Clone() => (Activity)MemberwiseClone();

    /// <summary>
    /// Quirk kept on purpose: the SDK does not thread replies to a conversationUpdate on the Direct Line and Web Chat channels.
    /// </summary>
    private static bool ShouldSetReplyToId(Activity activity) =>
        !(activity.Type == ActivityTypes.ConversationUpdate
          && (activity.ChannelId == Channels.Directline || activity.ChannelId == Channels.Webchat));

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}
