namespace B12Bot.Conversation.Content;

/// <summary>A set of "question: allowed answers" tests that all have to hold (an empty set always holds).</summary>
public sealed class AnswerCondition(IReadOnlyDictionary<string, IReadOnlyList<string>> allowedAnswers)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedAnswers { get; } = allowedAnswers;

    public bool IsMetBy(IReadOnlyDictionary<string, string> answers)
    {
        foreach (var (questionId, allowed) in AllowedAnswers)
        {
            if (!answers.TryGetValue(questionId, out var answer) || !Contains(allowed, answer))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
