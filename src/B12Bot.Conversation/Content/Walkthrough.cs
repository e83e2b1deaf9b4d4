namespace B12Bot.Conversation.Content;

/// <summary>The symptom check: its questions, decision rules, outcomes and the sentences it says.</summary>
public sealed class Walkthrough
{
    public required string Title { get; init; }
    public required IReadOnlyList<string> Triggers { get; init; }
    public required string Intro { get; init; }
    public required string Retry { get; init; }
    public required string Resume { get; init; }
    public required string Cancelled { get; init; }
    public required string Restarted { get; init; }
    public required string AtFirstQuestion { get; init; }
    public required string Help { get; init; }
    public required string SummaryHeading { get; init; }
    public required string NextSteps { get; init; }
    public required IReadOnlyList<WalkthroughQuestion> Questions { get; init; }
    public required IReadOnlyList<WalkthroughRule> Rules { get; init; }
    public required IReadOnlyList<WalkthroughOutcome> Outcomes { get; init; }
    public required IReadOnlyList<WalkthroughNote> Notes { get; init; }

    /// <summary>The outcome of the first rule the answers meet (the content guarantees a catch-all last rule).</summary>
    public WalkthroughOutcome Decide(IReadOnlyDictionary<string, string> answers)
    {
        foreach (var rule in Rules)
        {
            if (rule.When.IsMetBy(answers))
            {
                return FindOutcome(rule.OutcomeId);
            }
        }

        return FindOutcome(Rules[^1].OutcomeId);
    }

    /// <summary>The notes whose conditions the answers meet and that <paramref name="outcome"/> does not already say, in content order.</summary>
    public IReadOnlyList<WalkthroughNote> NotesFor(IReadOnlyDictionary<string, string> answers, WalkthroughOutcome outcome)
    {
        var notes = new List<WalkthroughNote>();
        foreach (var note in Notes)
        {
            if (note.AppliesTo(answers, outcome))
            {
                notes.Add(note);
            }
        }

        return notes;
    }

    /// <summary>The index of the first question after <paramref name="index"/> that the answers so far ask for, or the question count when none is left.</summary>
    public int NextQuestionIndex(int index, IReadOnlyDictionary<string, string> answers)
    {
        var next = index + 1;
        while (next < Questions.Count && !Questions[next].IsAskedAfter(answers))
        {
            next++;
        }

        return next;
    }

    /// <summary>The index of the last answered question before <paramref name="index"/> (skipped ones have no answer), or -1.</summary>
    public int PreviousAnsweredIndex(int index, IReadOnlyDictionary<string, string> answers)
    {
        var previous = Math.Min(index, Questions.Count) - 1;
        while (previous >= 0 && !answers.ContainsKey(Questions[previous].Id))
        {
            previous--;
        }

        return previous;
    }

    public WalkthroughOutcome FindOutcome(string id)
    {
        foreach (var outcome in Outcomes)
        {
            if (outcome.Id == id)
            {
                return outcome;
            }
        }

        throw new KeyNotFoundException($"No walkthrough outcome '{id}'.");
    }
}
