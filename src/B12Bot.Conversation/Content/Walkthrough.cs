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

    /// <summary>The notes whose conditions the answers meet, in content order.</summary>
    public IReadOnlyList<WalkthroughNote> NotesFor(IReadOnlyDictionary<string, string> answers)
    {
        var notes = new List<WalkthroughNote>();
        foreach (var note in Notes)
        {
            if (note.When.IsMetBy(answers))
            {
                notes.Add(note);
            }
        }

        return notes;
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
