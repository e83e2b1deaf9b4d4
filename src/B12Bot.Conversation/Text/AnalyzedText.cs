namespace B12Bot.Conversation.Text;

/// <summary>A message as the matcher sees it: its words (typos corrected) and the concepts and stems they map to.</summary>
public sealed class AnalyzedText
{
    public AnalyzedText(string normalized, string[] words, List<string> terms, List<bool> termWasCorrected, List<int>? termClause = null,
        List<bool>? clauseIsQuestion = null, List<bool>? clauseLeansOnStory = null, List<bool>? clauseAsksNothing = null, string? questionSentence = null,
        AskingParts? askingParts = null, int[]? clauseWordStarts = null, int[]? segmentWordStarts = null)
    {
        SegmentWordStarts = segmentWordStarts ?? [0];
        ClauseWordStarts = clauseWordStarts ?? [0];
        QuestionSentence = questionSentence;
        Normalized = normalized;
        Words = words;
        Terms = terms;
        TermWasCorrected = termWasCorrected;
        TermClause = termClause ?? [.. Enumerable.Repeat(0, terms.Count)];
        ClauseIsQuestion = clauseIsQuestion ?? [true];
        ClauseLeansOnStory = clauseLeansOnStory ?? [.. Enumerable.Repeat(false, ClauseIsQuestion.Count)];
        ClauseAsksNothing = clauseAsksNothing ?? [.. Enumerable.Repeat(false, ClauseIsQuestion.Count)];
        Parts = askingParts ?? new AskingParts(TermClause, ClauseIsQuestion, [.. Enumerable.Range(0, ClauseIsQuestion.Count)]);
    }

    /// <summary>For each clause, the index in <see cref="Words"/> where it begins.</summary>
    public int[] ClauseWordStarts { get; }

    /// <summary>The index in <see cref="Words"/> where the last clause begins (0 for a message of one clause).</summary>
    public int LastClauseStart => ClauseWordStarts[^1];

    /// <summary>
    /// For each segment of the message, the index in <see cref="Words"/> where it begins: segments end at sentence marks,
    /// commas and dashes ("actually i've changed my mind, please end the check" has two).
    /// </summary>
    public int[] SegmentWordStarts { get; }

    /// <summary>The index in <see cref="Words"/> where the last segment begins (0 for a message of one).</summary>
    public int LastSegmentStart => SegmentWordStarts[^1];

    /// <summary>
    /// The words of the question a longer message ends up asking, when the message has more than one sentence: its last
    /// sentence with a question, when that asks something by itself (not one that leans on the story, "what should i
    /// do"), of at least <see cref="TermAnalyzer.MinQuestionSentenceWords"/> words. Its meaning is read beside the whole message's, so a
    /// story does not drown the question ("... my dad once had an abscess. what would an infection look like?"). Null:
    /// the message is one clause, or no such question.
    /// </summary>
    public string? QuestionSentence { get; }

    /// <summary>The normalized text, before typo correction.</summary>
    public string Normalized { get; }

    /// <summary>The words after typo correction.</summary>
    public string[] Words { get; }

    /// <summary>Concepts ("injection", "side_effect") and stems of the other words, stop words dropped, in order.</summary>
    public List<string> Terms { get; }

    /// <summary>For each term, whether it came from a corrected typo (such terms count a little less).</summary>
    public List<bool> TermWasCorrected { get; }

    /// <summary>
    /// For each term, the clause it belongs to: clauses end at sentence marks (". ! ? ;" and line breaks) and where "and",
    /// "also" or "but" starts a new question ("are they safe and how often do I need them").
    /// </summary>
    public List<int> TermClause { get; }

    /// <summary>For each clause, whether it reads as a question (a question word, or an opening "is/can/should ...").</summary>
    public List<bool> ClauseIsQuestion { get; }

    /// <summary>
    /// For each clause, whether it points back at what was said before it ("does that affect ...", "can i still ...") or
    /// asks nothing by itself ("what should i do"): language.yaml referring_words and open_question_words.
    /// </summary>
    public List<bool> ClauseLeansOnStory { get; }

    /// <summary>For each clause, whether it asks nothing by itself ("what should i do"): language.yaml open_question_words.</summary>
    public List<bool> ClauseAsksNothing { get; }

    /// <summary>The message cut into asking parts, to tell which part asks and what about (see <see cref="AskingParts"/>).</summary>
    public AskingParts Parts { get; }

    public int ClauseCount => ClauseIsQuestion.Count;
}

/// <summary>
/// A message's clauses cut also where a comma opens a question ("i'm on b12 jabs, can i take zinc for colds"), and for
/// each part whether it asks plainly: a question mark, or an opening question or request. Unlike
/// <see cref="AnalyzedText.ClauseIsQuestion"/>, a question word inside a statement ("i take it when i need it") does not
/// count: this tells which sentence the message asks, and so its subject.
/// </summary>
/// <param name="TermPart">For each term, the part it belongs to.</param>
/// <param name="Asks">For each part, whether it asks plainly.</param>
/// <param name="Clause">For each part, its clause.</param>
/// <param name="PointsBack">
/// For each part, whether it points back at something told before with a word that stands for it ("how long does that
/// take to heal", "can i take them with food"), not one that goes with a B12 word of its own ("how long do these side
/// effects last", "my arm still aches"). Null: not known (no part points back).
/// </param>
/// <param name="Owns">
/// For each part, whether it points back with "its" or "their" ("what are its side effects"): what follows belongs to the
/// thing told before, even a subject of the content's own. Null: none does.
/// </param>
public sealed record AskingParts(List<int> TermPart, List<bool> Asks, List<int> Clause, List<bool>? PointsBack = null, List<bool>? Owns = null)
{
    public int Count => Asks.Count;

    /// <summary>Whether part <paramref name="part"/> points back with a word that stands for what was told (see the record's PointsBack).</summary>
    public bool PointsBackAt(int part) => PointsBack is { } flags && part < flags.Count && flags[part];

    /// <summary>Whether part <paramref name="part"/> points back with "its" or "their" (see the record's Owns).</summary>
    public bool OwnsAt(int part) => Owns is { } flags && part < flags.Count && flags[part];
}
