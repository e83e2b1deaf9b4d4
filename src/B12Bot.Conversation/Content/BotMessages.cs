namespace B12Bot.Conversation.Content;

/// <summary>Every other sentence the bot says, plus small talk and command phrases (from dialogs/messages.yaml).</summary>
public sealed class BotMessages
{
    public required string Welcome { get; init; }
    public required string Help { get; init; }
    public required string OutOfScope { get; init; }
    public required string NotSure { get; init; }
    public required string Fallback { get; init; }
    public required string NothingToCancel { get; init; }
    public required string NothingToGoBackTo { get; init; }
    public required string Restarted { get; init; }
    public required string NonText { get; init; }
    public required string TooLong { get; init; }

    /// <summary>The sentence linking the clinic's privacy notice, added to the welcome when B12Bot:PrivacyNoticeUrl is set; says {privacyNoticeUrl}.</summary>
    public required string PrivacyNotice { get; init; }
    public required string ConsentQuestion { get; init; }
    public required string ConsentGiven { get; init; }
    public required string ConsentDeclined { get; init; }
    public required string ForgetMeQuestion { get; init; }
    public required string ForgetMeDone { get; init; }
    public required string ForgetMeKept { get; init; }
    public required IReadOnlyList<string> MainTopics { get; init; }
    public required IReadOnlyList<SmallTalkIntent> SmallTalk { get; init; }
    public required IReadOnlyDictionary<BotCommand, IReadOnlyList<string>> Commands { get; init; }
}
