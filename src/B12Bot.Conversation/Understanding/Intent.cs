using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Something a free-text message can ask for, with the content it is recognised by: its phrasings, its title (buttons
/// send titles back), its keywords and the text it answers with (both evidence of what it is about).
/// </summary>
public sealed record Intent(string Id, IntentKind Kind, string Title, IReadOnlyList<string> Phrasings, IReadOnlyList<string> Keywords, string? AnswerText)
{
    /// <summary>The FAQ entry this intent answers with, for <see cref="IntentKind.FaqAnswer"/>.</summary>
    public FaqEntry? Entry { get; init; }

    /// <summary>More ways people ask for it that only the sentence embeddings read (<see cref="FaqEntry.Examples"/>).</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    public static Intent ForFaq(FaqEntry entry) =>
        new(entry.Id, IntentKind.FaqAnswer, entry.Title, entry.Questions, entry.Keywords, entry.Answer) { Entry = entry, Examples = entry.Examples };

    /// <summary>The symptom check, started like any answer: by its triggers and its title.</summary>
    public static Intent ForWalkthrough(Walkthrough walkthrough) =>
        new(WalkthroughId, IntentKind.StartWalkthrough, walkthrough.Title, walkthrough.Triggers, [], null);

    public const string WalkthroughId = "(walkthrough)";
}
