namespace B12Bot.Conversation.Content;

/// <summary>A social message (greeting, thanks, goodbye ...) and the bot's reply to it.</summary>
public sealed record SmallTalkIntent(string Id, IReadOnlyList<string> Phrases, string Reply)
{
    /// <summary>Emoji that say this by themselves when a message is only emoji ("👍", "😊🙏").</summary>
    public IReadOnlyList<string> Emoji { get; init; } = [];

    /// <summary>
    /// Whether one of its phrases still says this with a telling beside it ("thanks a lot, i'll show my husband later");
    /// not for a goodbye or an "ok", which with a telling may be a farewell note ("i can't do this anymore. goodbye").
    /// </summary>
    public bool WithATelling { get; init; }
}
