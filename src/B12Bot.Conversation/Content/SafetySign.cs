using B12Bot.Conversation.Safety;

namespace B12Bot.Conversation.Content;

/// <summary>
/// One triage sign: a word of each class in <see cref="All"/> close together in one sentence ("trouble" + "breathing",
/// "kid" + "swallowed" + "pills"), raising <see cref="Class"/>. The flags say which readings set it aside.
/// </summary>
public sealed record SafetySign(
    string Id,
    TriageClass Class,
    IReadOnlyList<string> All,
    IReadOnlyList<string> Unless,
    int Window,
    bool Ordered,
    bool HistorySensitive,
    bool LongStandingSensitive,
    bool EvenInQuestions,
    bool EvenInPast);
