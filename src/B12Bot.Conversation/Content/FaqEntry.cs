namespace B12Bot.Conversation.Content;

/// <summary>One reviewed FAQ answer and the ways people ask for it.</summary>
public sealed record FaqEntry(
    string Id,
    string Title,
    string Source,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Keywords,
    string Answer,
    IReadOnlyList<string> FollowUps);
