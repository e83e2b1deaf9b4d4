using B12Bot.Conversation.Safety;

namespace B12Bot.Conversation.Content;

/// <summary>
/// One triage sign: a word of each class in <see cref="All"/> close together in one sentence ("trouble" + "breathing",
/// "kid" + "swallowed" + "pills"), raising <see cref="Class"/>. The flags say which readings set it aside.
/// <see cref="UnlessNearer"/>: classes whose word, nearer to one of the sign's words than the sign's other word is,
/// claims it ("my hands tingle and my tongue is sore": the tingling is the hands').
/// </summary>
public sealed record SafetySign(
    string Id,
    TriageClass Class,
    IReadOnlyList<string> All,
    IReadOnlyList<string> Unless,
    IReadOnlyList<string> UnlessNearer,
    int Window,
    bool Ordered,
    bool HistorySensitive,
    bool LongStandingSensitive,
    bool EvenInQuestions,
    bool EvenInPast);
