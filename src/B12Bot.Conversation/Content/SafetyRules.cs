namespace B12Bot.Conversation.Content;

/// <summary>The emergency screen's vocabulary and rules, and the urgent-care message (from dialogs/safety.yaml).</summary>
public sealed class SafetyRules
{
    public required string UrgentMessage { get; init; }
    public required int NegationWindow { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> WordClasses { get; init; }
    public required IReadOnlyList<EmergencySign> Signs { get; init; }
    public required IReadOnlyList<string> Negators { get; init; }
    public required IReadOnlyList<string> NegationBreaks { get; init; }
    public required IReadOnlyList<string> SentenceBreaks { get; init; }
    public required IReadOnlyList<string> QuestionFrames { get; init; }
    public required IReadOnlyList<string> QuestionOpeners { get; init; }
    public required IReadOnlyList<string> FirstPerson { get; init; }
    public required IReadOnlyList<string> Urgency { get; init; }
    public required IReadOnlyList<string> HistoryMarkers { get; init; }
    public required IReadOnlyList<string> DistantPastMarkers { get; init; }
    public required IReadOnlyList<string> KnownWords { get; init; }
}
