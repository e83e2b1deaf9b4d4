namespace B12Bot.Conversation.Content;

/// <summary>A social message (greeting, thanks, goodbye ...) and the bot's reply to it.</summary>
public sealed record SmallTalkIntent(string Id, IReadOnlyList<string> Phrases, string Reply)
{
    /// <summary>Emoji that say this by themselves when a message is only emoji ("👍", "😊🙏").</summary>
    public IReadOnlyList<string> Emoji { get; init; } = [];
}
