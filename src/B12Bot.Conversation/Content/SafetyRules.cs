namespace B12Bot.Conversation.Content;

/// <summary>The safety triage's vocabulary, signs and messages (from dialogs/safety.yaml), phone numbers already filled in.</summary>
public sealed class SafetyRules
{
    public required string UrgentMessage { get; init; }
    public required string CrisisMessage { get; init; }
    public required string PoisoningMessage { get; init; }
    public required ReactionCheckTexts ReactionCheck { get; init; }
    public required int NegationWindow { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> WordClasses { get; init; }
    public required IReadOnlyList<SafetySign> Signs { get; init; }
    public required IReadOnlyList<string> Negators { get; init; }
    public required IReadOnlyList<string> NegationBreaks { get; init; }
    public required IReadOnlyList<string> SentenceBreaks { get; init; }
    public required IReadOnlyList<string> QuestionFrames { get; init; }
    public required IReadOnlyList<string> QuestionOpeners { get; init; }
    public required IReadOnlyList<string> FirstPerson { get; init; }
    public required IReadOnlyList<string> Urgency { get; init; }
    public required IReadOnlyList<string> HistoryMarkers { get; init; }
    public required IReadOnlyList<string> DistantPastMarkers { get; init; }
    public required IReadOnlyList<string> LongStandingMarkers { get; init; }

    /// <summary>
    /// "for months now", "up to now": a duration that tells how long, so the time words inside it ("now") are not read
    /// as acute or present; it counts as long-standing.
    /// </summary>
    public required IReadOnlyList<string> Durations { get; init; }

    public required IReadOnlyList<string> DeficiencyMarkers { get; init; }
    public required IReadOnlyList<string> AcuteMarkers { get; init; }

    /// <summary>"now", "right now", "again": the sign is happening in this sentence even if it also mentions the past.</summary>
    public required IReadOnlyList<string> PresentMarkers { get; init; }

    public required IReadOnlyList<string> KnownWords { get; init; }

    /// <summary>"said to ring 999 if", "call 911 if": advice to call, so the number in it is not urgency now.</summary>
    public required IReadOnlyList<string> CallAdvice { get; init; }

    /// <summary>"im fine right now", "not urgent", "no rush": said to calm, so the urgency word in it is not urgency.</summary>
    public required IReadOnlyList<string> CalmNow { get; init; }

    /// <summary>
    /// "thanks for fitting me in": phrases whose words are read as no sign at all (a booking, not a fit). Unlike an
    /// exception, the same sign told elsewhere in the sentence still counts ("... my son is having a fit now").
    /// </summary>
    public IReadOnlyList<string> ReadAsNothing { get; init; } = [];

    /// <summary>"and", "or", ",": words that join a list ("hands and lips"), for <c>unless_nearer</c>.</summary>
    public required IReadOnlyList<string> ListJoiners { get; init; }

    /// <summary>"my", "the", "both": words that may stand between two listed words ("my hands and my lips").</summary>
    public required IReadOnlyList<string> ListFillers { get; init; }

    /// <summary>"oh no", "no no no": a cry of alarm, whose "no" negates nothing ("oh no my son drank the liquid iron").</summary>
    public required IReadOnlyList<string> Exclamations { get; init; }

    /// <summary>The semantic backstop's exemplars (none when the file has no 'semantic_backstop').</summary>
    public SafetyBackstopRules Backstop { get; init; } = SafetyBackstopRules.None;
}
