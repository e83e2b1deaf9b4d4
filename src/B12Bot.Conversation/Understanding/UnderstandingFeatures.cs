namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The handful of numbers the calibrated model reads, computed the same way at run time and by the fitting command:
/// per candidate intent (is this the intent the message asks for?) and per message (is it about B12 care at all?).
/// </summary>
public static class UnderstandingFeatures
{
    public static readonly string[] CandidateNames =
    [
        "lexical", "lexical_lead", "semantic", "semantic_lead", "semantic_answer", "top_in_both", "anchor", "foreign_subject",
    ];

    public static readonly string[] ScopeNames =
    [
        "best_lexical", "best_semantic", "best_semantic_answer", "topic", "anchor", "foreign_subject", "unknown_subject",
        "unknown_share", "other_shot", "top_agree", "out_of_scope_semantic",
    ];

    /// <summary>Fills <paramref name="into"/> with the features of intent <paramref name="intent"/> for one message.</summary>
    public static void Candidate(int intent, LexicalEvidence lexical, SemanticEvidence semantic, Span<double> into)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(semantic);
        Candidate(intent, lexical, semantic, Leaders.Of(lexical.Scores), Leaders.Of(semantic.Phrasing), into);
    }

    /// <summary>
    /// As the other overload, with each score list's leaders read once per message (<see cref="Leaders.Of"/>): every
    /// intent's "best other" is then a constant-time look-up instead of a pass over all intents.
    /// </summary>
    internal static void Candidate(int intent, LexicalEvidence lexical, SemanticEvidence semantic, Leaders lexicalLeaders, Leaders semanticLeaders, Span<double> into)
    {
        var lex = lexical.Scores;
        var sem = semantic.Phrasing;
        var lexicalOther = lexicalLeaders.BestOther(intent);
        var semanticOther = semanticLeaders.BestOther(intent);
        into[0] = lex[intent];
        into[1] = lex[intent] - lexicalOther;
        into[2] = sem[intent];
        into[3] = sem[intent] - semanticOther;
        into[4] = semantic.Answer[intent];
        into[5] = lexicalLeaders.IsTop(intent, lex) && semanticLeaders.IsTop(intent, sem) ? 1 : 0;
        into[6] = lexical.HasAnchor ? 1 : 0;
        into[7] = ForeignSubject(lexical) ? 1 : 0;
    }

    /// <summary>Fills <paramref name="into"/> with the features of the whole message.</summary>
    public static void Scope(LexicalEvidence lexical, SemanticEvidence semantic, Span<double> into)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(semantic);
        into[0] = lexical.Scores.Max();
        into[1] = semantic.Phrasing.Max();
        into[2] = semantic.Answer.Max();
        into[3] = lexical.HasTopic ? 1 : 0;
        into[4] = lexical.HasAnchor ? 1 : 0;
        into[5] = ForeignSubject(lexical) ? 1 : 0;
        into[6] = lexical.HasUnknownSubject && !lexical.HasAnchor ? 1 : 0;
        into[7] = lexical.UnknownShare;

        // A shot named beside another medicine or vaccine and not B12 itself: "my testosterone injection", "the flu jab".
        // (Not beside any unknown word: "had my jab on monday" is a B12 story.)
        into[8] = !lexical.NamesB12Itself && lexical.NamesB12 && lexical.HasForeignSubject ? 1 : 0;

        // Whether the words and the meaning point at the same intent. (Not how far the closest intent stands out from the
        // next: fitted, that weight came out negative, so a fragment clearly near one topic, "allergy warning signs to
        // know", read as less about B12 care than a vague one.)
        Top(semantic.Phrasing, out var semanticTop);
        Top(lexical.Scores, out var lexicalTop);
        into[9] = lexicalTop == semanticTop && lexical.Scores[lexicalTop] > 0 ? 1 : 0;

        // How close the message's meaning comes to a question about a subject the bot does not answer: read against
        // best_semantic, whether it is nearer another subject's question than any B12 topic's.
        into[10] = semantic.OutOfScope;
    }

    private static double Top(double[] scores, out int top)
    {
        top = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[top])
            {
                top = i;
            }
        }

        return scores.Length == 0 ? 0 : scores[top];
    }

    /// <summary>Another medicine, vitamin or condition is named, and B12 itself is not the subject.</summary>
    private static bool ForeignSubject(LexicalEvidence lexical) => lexical.IsAboutSomethingElse;

    /// <summary>
    /// The highest score of a list (the first, on a tie) and the highest of the others: the best score other than
    /// intent i's own is the second for the leader and the first for everyone else.
    /// </summary>
    internal readonly record struct Leaders(int Top, double First, double Second)
    {
        public static Leaders Of(double[] scores)
        {
            var top = -1;
            double first = double.MinValue, second = double.MinValue;
            for (var i = 0; i < scores.Length; i++)
            {
                if (top < 0 || scores[i] > first)
                {
                    second = top < 0 ? second : first;
                    (top, first) = (i, scores[i]);
                }
                else if (scores[i] > second)
                {
                    second = scores[i];
                }
            }

            return new Leaders(top, first, second);
        }

        /// <summary>The best score of the other intents (0 when there is none).</summary>
        public double BestOther(int intent) => Raw(intent) == double.MinValue ? 0 : Raw(intent);

        /// <summary>Whether the intent's score is above every other's.</summary>
        public bool IsTop(int intent, double[] scores) => scores[intent] > Raw(intent);

        private double Raw(int intent) => intent == Top ? Second : First;
    }
}
