using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>
/// Every way through the symptom check: each question's every choice, in order, skipping a question whose ask_when
/// the earlier answers do not meet (as the dialog does). Built from the content, so a new question or choice is
/// enumerated without touching the tests.
/// </summary>
public static class WalkthroughPaths
{
    public const string NotAsked = "—";

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> All(Walkthrough walkthrough)
    {
        var paths = new List<IReadOnlyDictionary<string, string>>();
        Walk(walkthrough, 0, new Dictionary<string, string>(StringComparer.Ordinal), paths);
        return paths;
    }

    private static void Walk(Walkthrough walkthrough, int index, Dictionary<string, string> answers, List<IReadOnlyDictionary<string, string>> paths)
    {
        if (index == walkthrough.Questions.Count)
        {
            paths.Add(new Dictionary<string, string>(answers, StringComparer.Ordinal));
            return;
        }

        var question = walkthrough.Questions[index];
        if (!question.IsAskedAfter(answers))
        {
            Walk(walkthrough, index + 1, answers, paths);
            return;
        }

        foreach (var choice in question.Choices)
        {
            answers[question.Id] = choice.Value;
            Walk(walkthrough, index + 1, answers, paths);
        }

        answers.Remove(question.Id);
    }

    /// <summary>The answer to <paramref name="questionId"/>, or <see cref="NotAsked"/> when the question was skipped.</summary>
    public static string Answer(this IReadOnlyDictionary<string, string> path, string questionId) =>
        path.TryGetValue(questionId, out var value) ? value : NotAsked;
}
