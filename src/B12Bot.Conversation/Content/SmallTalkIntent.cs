namespace B12Bot.Conversation.Content;

/// <summary>A social message (greeting, thanks, goodbye ...) and the bot's reply to it.</summary>
public sealed record SmallTalkIntent(string Id, IReadOnlyList<string> Phrases, string Reply);
