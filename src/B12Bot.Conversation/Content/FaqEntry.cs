namespace B12Bot.Conversation.Content;

/// <summary>One reviewed FAQ answer and the ways people ask for it.</summary>
public sealed record FaqEntry(
    string Id,
    string Title,
    string Source,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Keywords,
    string Answer,
    IReadOnlyList<string> FollowUps)
{
    /// <summary>
    /// Longer messages patients wrote asking for this entry (stories with the question at the end): read only by the
    /// sentence embeddings, so their incidental words ("my", "week", "doctor") never become word evidence for the entry.
    /// </summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>
    /// The entry answers only about B12 care itself (the price or booking of B12 shots): a question that names another
    /// medicine, test or service ("do you do botox too, how much is it?") is about that one, so it gets the scope
    /// statement, not this answer.
    /// </summary>
    public bool OnlyAboutB12 { get; init; }
}
