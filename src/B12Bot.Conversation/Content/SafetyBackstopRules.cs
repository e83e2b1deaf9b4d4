using B12Bot.Conversation.Safety;

namespace B12Bot.Conversation.Content;

/// <summary>
/// The semantic backstop of dialogs/safety.yaml: example phrasings per triage class, and near misses that must not raise
/// one, for messages the rules left alone and the understanding could not confidently place.
/// </summary>
/// <param name="Classes">The exemplar groups; a group of <see cref="TriageClass.None"/> holds the near misses.</param>
/// <param name="ScreenAnswersBelow">An FAQ answer below this probability is a low-confidence answer, and screened.</param>
/// <param name="MinimumWords">Shorter messages (walkthrough answers, "ok thanks") are left to the rules.</param>
public sealed record SafetyBackstopRules(IReadOnlyList<SafetyExemplars> Classes, double ScreenAnswersBelow, int MinimumWords)
{
    /// <summary>No backstop (content without the section).</summary>
    public static SafetyBackstopRules None { get; } = new([], 0, int.MaxValue);

    public bool IsEmpty => Classes.All(c => c.Class == TriageClass.None);

    /// <summary>
    /// How close (cosine similarity) one clause of a message must come to a crisis example to get the crisis line when the
    /// message as a whole did not: a crisis wrapped in a B12 question ("not sure i'll be around by spring, so why bother
    /// with b12"), or a message the understanding answers confidently. Above 1: clauses are not screened.
    /// </summary>
    public double CrisisClauseThreshold { get; init; } = 2;

    /// <summary>
    /// The cheap first look at each clause: only a clause whose static word-piece vector comes this close to a crisis
    /// example's is embedded by the sentence-embedding model and compared (0: every one is).
    /// </summary>
    public double CrisisClausePreCheck { get; init; }

    /// <summary>
    /// ...and that is no further than this below the static vector's closest near miss (a B12 question comes nearer the
    /// near misses; 1: no such condition).
    /// </summary>
    public double CrisisClausePreCheckMargin { get; init; } = 1;

    /// <summary>Words that start a new clause ("so", "but"), besides punctuation.</summary>
    public IReadOnlyList<string> ClauseBreaks { get; init; } = [];

    /// <summary>Every example phrasing, near misses included (their vectors are saved beside the content).</summary>
    public IEnumerable<string> Examples => Classes.SelectMany(c => c.Examples);
}

/// <summary>One class's example phrasings and how close (cosine similarity) a message must come to one of them.</summary>
public sealed record SafetyExemplars(TriageClass Class, double Threshold, IReadOnlyList<string> Examples);
