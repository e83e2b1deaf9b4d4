namespace B12Bot.Conversation.Content;

/// <summary>
/// An extra sentence added to the outcome when its condition holds (for example "keep taking your B12"), unless the
/// outcome is one of <paramref name="NotWith"/>, which already say it.
/// </summary>
public sealed record WalkthroughNote(AnswerCondition When, string Text, IReadOnlyList<string> NotWith)
{
    public bool AppliesTo(IReadOnlyDictionary<string, string> answers, WalkthroughOutcome outcome) =>
        When.IsMetBy(answers) && !NotWith.Contains(outcome.Id, StringComparer.Ordinal);
}
