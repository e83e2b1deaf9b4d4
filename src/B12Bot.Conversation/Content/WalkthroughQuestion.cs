namespace B12Bot.Conversation.Content;

/// <summary>
/// One step of the symptom check. <paramref name="AskWhen"/> (null: always) limits it to some earlier answers;
/// <paramref name="Ambiguity"/> (null: none) names words that could mean more than one of its choices.
/// </summary>
public sealed record WalkthroughQuestion(
    string Id,
    string Prompt,
    string Summary,
    IReadOnlyList<WalkthroughChoice> Choices,
    AnswerCondition? AskWhen = null,
    WalkthroughAmbiguity? Ambiguity = null)
{
    public WalkthroughChoice? FindChoice(string? value)
    {
        foreach (var choice in Choices)
        {
            if (string.Equals(choice.Value, value, StringComparison.Ordinal))
            {
                return choice;
            }
        }

        return null;
    }

    /// <summary>Whether this question is asked after the earlier <paramref name="answers"/>.</summary>
    public bool IsAskedAfter(IReadOnlyDictionary<string, string> answers) => AskWhen is null || AskWhen.IsMetBy(answers);
}
