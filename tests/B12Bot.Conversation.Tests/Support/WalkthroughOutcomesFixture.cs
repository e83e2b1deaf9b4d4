using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>
/// The shipped walkthrough and, once per test class, every way through it with its outcome and the outcome's text
/// with its notes (shared between paths that say the same, so the whole answer space fits in little memory).
/// </summary>
public sealed class WalkthroughOutcomesFixture
{
    public WalkthroughOutcomesFixture()
    {
        Walkthrough = B12ContentLoader.Load(RepositoryPaths.Dialogs, "911").Walkthrough;
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = new List<WalkthroughPath>();
        foreach (var answers in WalkthroughPaths.All(Walkthrough))
        {
            var outcome = Walkthrough.Decide(answers);
            var notes = Walkthrough.NotesFor(answers, outcome);
            var key = outcome.Id + "|" + string.Join('|', notes.Select(n => n.Text));
            if (!bodies.TryGetValue(key, out var body))
            {
                body = string.Join("\n\n", notes.Select(n => n.Text).Prepend(outcome.Text).Prepend(outcome.Title));
                bodies[key] = body;
            }

            paths.Add(new WalkthroughPath(answers, outcome.Id, body));
        }

        Paths = paths;
    }

    public Walkthrough Walkthrough { get; }

    public IReadOnlyList<WalkthroughPath> Paths { get; }
}

/// <summary>One complete set of answers, the outcome it gets, and what the outcome says (title, text and notes).</summary>
public sealed record WalkthroughPath(IReadOnlyDictionary<string, string> Answers, string Outcome, string Body)
{
    public bool Is(string questionId, params string[] values) => values.Contains(Answers.Answer(questionId), StringComparer.Ordinal);
}
