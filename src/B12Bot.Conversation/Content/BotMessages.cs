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
    public required IReadOnlyList<string> MainTopics { get; init; }
    public required IReadOnlyList<SmallTalkIntent> SmallTalk { get; init; }
    public required IReadOnlyDictionary<BotCommand, IReadOnlyList<string>> Commands { get; init; }
}
