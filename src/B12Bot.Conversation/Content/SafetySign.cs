using B12Bot.Conversation.Safety;

namespace B12Bot.Conversation.Content;

/// <summary>
/// One triage sign: a word of each class in <see cref="All"/> close together in one sentence ("trouble" + "breathing",
/// "kid" + "swallowed" + "pills"), raising <see cref="Class"/>. The flags say which readings set it aside.
/// <see cref="UnlessNearer"/>: classes whose word, nearer to one of the sign's words than the sign's other word is,
/// claims it ("my hands tingle and my tongue is sore": the tingling is the hands').
/// <see cref="AcrossSentences"/>: also looked for across the sentences of a message ("a rash came up on my arm. I had
/// the shot this afternoon"). <see cref="EvenInQuestionsWith"/>: classes that make a question a report of one's own
/// ("is it normal to get itchy spots after the jab? came up right after"). <see cref="NotInQuestions"/>: classes whose word,
/// when the sign is read across sentences, must stand in a sentence that is not a question ("i always feel faint with
/// needles. could the injection give me a rash?": the rash is asked about, not had). <see cref="UnlessInMessage"/>:
/// classes that set the sign aside from anywhere in the message ("felt a bit faint after my shot. that was two weeks
/// ago": the time is told in a sentence of its own). <see cref="UnlessTogetherInMessage"/>: classes that set the sign
/// aside only when every one of them is somewhere in the message ("ate half the jar of his vitamins last week. he seems
/// fine": a time gone by and well since, together).
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
    bool EvenInPast)
{
    public bool AcrossSentences { get; init; }

    public IReadOnlyList<string> EvenInQuestionsWith { get; init; } = [];

    public IReadOnlyList<string> NotInQuestions { get; init; } = [];

    public IReadOnlyList<string> UnlessInMessage { get; init; } = [];

    public IReadOnlyList<string> UnlessTogetherInMessage { get; init; } = [];
}
