using System.Buffers;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Scores a message against the <see cref="LexicalIndex"/>: each intent by (a) how much of the message's information it
/// explains, weighting rare terms higher, and (b) its closest single phrasing (weighted Dice). The whole message is read,
/// then each clause: a story followed by a question is about its question (read with the story just before it when the
/// question points back at it), and two questions can both be answered.
/// </summary>
public sealed class LexicalScorer(LexicalIndex index)
{
    /// <summary>How much a clause that is not a question counts against the whole message (stories before the question).</summary>
    private const double StatementClauseFactor = 0.9;

    /// <summary>Unknown words this long or longer may be the subject of the message.</summary>
    private const int SubjectWordLength = 4;
    private const double UnknownTermWeight = 0.6;
    private const double ShortUnknownTermWeight = 0.2;
    private const double CorrectedTermFactor = 0.85;
    private const double CoverageShare = 0.55;

    /// <summary>A clause's winner counts as clearly asked (for a second answer) at this score and lead, or at the high score alone.</summary>
    private const double ClearClauseScore = 0.3;
    private const double ClearClauseLead = 0.1;
    private const double ConfidentClauseScore = 0.58;

    private readonly LexicalIndex _index = index ?? throw new ArgumentNullException(nameof(index));

    public LexicalEvidence Score(AnalyzedText analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        var count = _index.IntentCount;
        var scores = new double[count];
        var whole = ScoreInto(analyzed, 0, int.MaxValue, scores);
        // "low b12" is read as the concept "deficiency": the words themselves still make B12 the subject. A shot word
        // inside another subject's own phrase ("vitamin d injection", "tetanus jab") does not name a B12 shot, though, nor
        // does B12 set aside ("b12 aside, could my hair loss be my thyroid?").
        if (!whole.NamesB12 || !whole.NamesB12Itself)
        {
            var padded = " " + analyzed.Normalized + " ";
            if (SetsB12Aside(analyzed))
            {
                foreach (var phrase in _index.B12SetAsidePhrases)
                {
                    padded = padded.Replace(phrase, "  ", StringComparison.Ordinal);
                }
            }

            whole.NamesB12 |= ContainsAny(padded, whole.HasForeign ? _index.B12OwnPhrases : _index.B12Phrases);
            whole.NamesB12Itself |= ContainsAny(padded, _index.B12OwnPhrases);
        }

        if (whole.Total <= 0 || analyzed.ClauseCount < 2)
        {
            // One clause may still tell and then ask ("i'm on b12 jabs, can i take zinc for colds"), or ask about a
            // neighbour of B12 alone ("what foods are high in folate?").
            return whole.ToEvidence(scores, _index.WalkthroughIntent, [], whole.Total > 0 && AsksAboutSomethingElse(analyzed), ReadMessage(analyzed));
        }

        var anyQuestion = false;
        for (var c = 0; c < analyzed.ClauseCount; c++)
        {
            anyQuestion |= analyzed.ClauseIsQuestion[c] && analyzed.TermClause.Contains(c);
        }

        var clauseScores = ArrayPool<double>.Shared.Rent(count);
        try
        {
            var questionAboutSomethingElse = AsksAboutSomethingElse(analyzed);
            int firstDoc = -1, secondDoc = -1;
            double firstScore = 0, secondScore = 0;
            for (var c = 0; c < analyzed.ClauseCount; c++)
            {
                var isQuestion = analyzed.ClauseIsQuestion[c];
                if ((anyQuestion && !isQuestion) || !analyzed.TermClause.Contains(c))
                {
                    continue;
                }

                var clause = ScoreInto(analyzed, c, c, clauseScores);

                // A question that leans on the story told just before it ("i have ckd. does that affect my shots?") is read
                // together with that story; one that asks nothing by itself ("... what should i do?") always is.
                if (isQuestion && c > 0 && analyzed.ClauseLeansOnStory[c] && (!analyzed.ClauseIsQuestion[c - 1] || analyzed.ClauseAsksNothing[c]))
                {
                    clause = ScoreInto(analyzed, c - 1, c, clauseScores);
                }

                if (clause.Total <= 0 || !clause.HasTopic)
                {
                    continue;
                }

                var factor = isQuestion ? 1.0 : StatementClauseFactor;
                for (var d = 0; d < count; d++)
                {
                    scores[d] = Math.Max(scores[d], factor * clauseScores[d]);
                }

                // Remember the two best clearly-answered questions, for a message that asks two things.
                var (best, second) = TopTwo(clauseScores, count);
                var score = clauseScores[best];
                var secondValue = second >= 0 ? clauseScores[second] : 0;
                if (isQuestion && (score >= ConfidentClauseScore || (score >= ClearClauseScore && score - secondValue >= ClearClauseLead)) && best != firstDoc)
                {
                    if (score > firstScore)
                    {
                        (secondDoc, secondScore) = (firstDoc, firstScore);
                        (firstDoc, firstScore) = (best, score);
                    }
                    else if (score > secondScore && best != secondDoc)
                    {
                        (secondDoc, secondScore) = (best, score);
                    }
                }
            }

            int[] questions = firstDoc < 0 ? [] : secondDoc < 0 ? [firstDoc] : [firstDoc, secondDoc];
            return whole.ToEvidence(scores, _index.WalkthroughIntent, questions, questionAboutSomethingElse, ReadMessage(analyzed));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(clauseScores);
        }
    }

    /// <summary>
    /// Whether the message's questions name a word the content never uses, and the sentences they are in name neither B12
    /// nor its shot ("b12 patient here. do you do microneedling too, how much is it?"): a price or a booking asked so is
    /// another service's. B12 named in a sentence that asks keeps it B12's ("wanted to know how much ur b12 shots cost?
    /// also can i book online somewhere?").
    /// </summary>
    private bool AsksOfUnknownThing(AnalyzedText analyzed)
    {
        var parts = analyzed.Parts;
        var unknown = false;
        for (var t = 0; t < analyzed.Terms.Count; t++)
        {
            if (!parts.Asks[parts.TermPart[t]])
            {
                continue;
            }

            var term = analyzed.Terms[t];
            unknown |= !_index.TryGetTermId(term, out _) && MayBeSubject(term);
        }

        if (!unknown)
        {
            return false;
        }

        for (var t = 0; t < analyzed.Terms.Count; t++)
        {
            if (_index.B12Terms.Contains(analyzed.Terms[t]) && !IsAnotherThingsShot(analyzed, t) && ClauseAsks(analyzed, analyzed.TermClause[t]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether clause <paramref name="clause"/> ends with a question mark or holds a part that asks plainly.</summary>
    private static bool ClauseAsks(AnalyzedText analyzed, int clause)
    {
        if (analyzed.ClauseIsQuestion[clause])
        {
            return true;
        }

        var parts = analyzed.Parts;
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts.Asks[p] && parts.Clause[p] == clause)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The readings of the message as a whole, beside its scores.</summary>
    private MessageReading ReadMessage(AnalyzedText analyzed)
    {
        var (requestsWalkthrough, requestsOnlyWalkthrough) = RequestsWalkthrough(analyzed);
        return new MessageReading(
            requestsWalkthrough,
            requestsOnlyWalkthrough,
            StoryTellsSymptoms(analyzed),
            LastClauseOpensWithQuestionWord(analyzed),
            AsksOfUnknownThing(analyzed),
            CoveredSubjectAsked(analyzed) is { } subject ? _index.IntentsNamingCovered[subject] : null);
    }

    /// <summary>
    /// The subject another answer speaks of beside the shot (a vaccine) that the questions ask about by itself, or null:
    /// named or pointed back at in a question that names neither B12 nor its shot, nor having the two together ("my
    /// question is about the pneumonia vaccine, do i need it again?", "my gp wants me to have the shingles vaccine, how
    /// many doses is it?"). Only the answer that names it may then answer; "i get b12 shots and just had my flu jab.
    /// is that a problem?" gets the one about a shot on the day of a vaccine.
    /// </summary>
    private string? CoveredSubjectAsked(AnalyzedText analyzed)
    {
        var parts = analyzed.Parts;
        string? asked = null;
        for (var p = 0; p < parts.Count; p++)
        {
            if (!parts.Asks[p])
            {
                continue;
            }

            string? named = null;
            var combines = false;
            for (var t = 0; t < analyzed.Terms.Count; t++)
            {
                if (parts.TermPart[t] != p)
                {
                    continue;
                }

                var term = analyzed.Terms[t];
                if ((_index.B12Terms.Contains(term) && !IsAnotherThingsShot(analyzed, t)) || (_index.ForeignTerms.Contains(term) && !_index.CoveredForeignTerms.Contains(term)))
                {
                    return null;
                }

                combines |= _index.CombiningTerms.Contains(term);
                named ??= _index.CoveredForeignTerms.Contains(term) ? term : null;
            }

            if (combines || SaysCombiningPhrase(analyzed, p))
            {
                return null;
            }

            // Pointed back at only when told apart from B12: "b12 is like a natural energy booster, does it work?" asks
            // about B12 ("booster" is read as a vaccine).
            if (named is null && p > 0 && parts.PointsBackAt(p) && LastSubjectToldApart(analyzed, p) is { } last && _index.CoveredForeignTerms.Contains(analyzed.Terms[last]))
            {
                named = analyzed.Terms[last];
            }

            asked ??= named;
        }

        return asked;
    }

    private bool SetsB12Aside(AnalyzedText analyzed)
    {
        foreach (var term in analyzed.Terms)
        {
            if (_index.B12SetAsideTerms.Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the question the message asks is about another subject, whatever its story says: a question that names
    /// another medicine, vitamin, condition or test and not B12 or its shot ("i get b12 jabs. can statins cause muscle
    /// pain?"), or one that points back at a finding told just before it ("... my platelets were 460. what does that
    /// mean?"), or one about a neighbour of B12 the content speaks of only beside it ("b12 was fine but my folate is low.
    /// what foods are high in folate?"). A plainly asked question about B12 or its shot alone keeps the message a B12
    /// one ("should i still have my b12 injection, and is it ok close to the flu jab?"). Only clauses that ask plainly
    /// count: "i take sumatriptan when i need it" tells, it does not ask.
    /// </summary>
    private bool AsksAboutSomethingElse(AnalyzedText analyzed)
    {
        var parts = analyzed.Parts;
        bool aboutB12 = false, aboutOther = false;
        for (var p = 0; p < parts.Count; p++)
        {
            if (!parts.Asks[p])
            {
                continue;
            }

            bool namesB12 = false, namesOther = false, namesUncovered = false, namesNeighbour = false, namesCondition = false, asksSigns = false, mayNameB12 = false, combines = false, namesMedicine = false, asksAboutMedicine = false;
            for (var t = 0; t < analyzed.Terms.Count; t++)
            {
                if (parts.TermPart[t] == p)
                {
                    var term = analyzed.Terms[t];
                    namesB12 |= _index.B12Terms.Contains(term) && !IsAnotherThingsShot(analyzed, t);
                    namesOther |= _index.ForeignTerms.Contains(term);
                    namesUncovered |= _index.ForeignTerms.Contains(term) && !_index.CoveredForeignTerms.Contains(term);
                    combines |= _index.CombiningTerms.Contains(term);
                    namesNeighbour |= _index.NeighbourTerms.Contains(term);
                    namesCondition |= _index.NeighbourConditionTerms.Contains(term);
                    asksSigns |= _index.SignTerms.Contains(term);
                    namesMedicine |= _index.NeighbourMedicineTerms.Contains(term);
                    asksAboutMedicine |= _index.MedicineQuestionTerms.Contains(term);
                    mayNameB12 |= _index.CarriesB12Terms.Contains(term) && !LacksNeighbourCondition(analyzed, t);
                }
            }

            // "can i get it the same day as the flu jab?" asks about having it with the shot the story told of, as the
            // content does; "can i have the flu and covid jabs the same day?" points at no shot and asks about the vaccines.
            if (namesOther && !namesUncovered && parts.PointsBackAt(p) && (combines || SaysCombiningPhrase(analyzed, p)))
            {
                namesOther = false;
            }

            // "can folic acid hide low b12" asks about B12 ("low b12" is read as "deficiency"); "what foods raise folate" does not.
            namesOther |= namesNeighbour && !mayNameB12;

            // "what are the signs of an underactive thyroid" asks about the thyroid; "can low iron make you this tired" is the content's.
            namesOther |= namesCondition && asksSigns && !mayNameB12;

            // "what other side effects does metformin have?" asks about metformin; "can metformin lower b12?" is the content's.
            namesOther |= namesMedicine && asksAboutMedicine && !mayNameB12;

            aboutB12 |= namesB12 && !namesOther;
            aboutOther |= namesOther && !namesB12;

            // A question that points back at what was told ("how is she meant to take those?") is about the last thing named.
            aboutOther |= !namesB12 && !namesOther && p > 0
                && (((analyzed.ClauseLeansOnStory[parts.Clause[p]] || parts.PointsBackAt(p)) && LastSubjectIsFinding(analyzed, p))
                    || (parts.PointsBackAt(p) && (parts.OwnsAt(p) || !NamesContentSubject(analyzed, p)) && LastSubjectIsOther(analyzed, p))
                    || (asksSigns && parts.PointsBackAt(p) && LastSubjectIsNeighbourCondition(analyzed, p))
                    || (asksAboutMedicine && LastSubjectIsOtherInSameClause(analyzed, p)));
        }

        return aboutOther && !aboutB12;
    }

    /// <summary>Whether asking part <paramref name="part"/> holds one of language.yaml's combining_phrases, its terms in a row.</summary>
    private bool SaysCombiningPhrase(AnalyzedText analyzed, int part)
    {
        var terms = analyzed.Terms;
        foreach (var sequence in _index.CombiningSequences)
        {
            for (var t = 0; t + sequence.Length <= terms.Count; t++)
            {
                var found = true;
                for (var k = 0; k < sequence.Length && found; k++)
                {
                    found = analyzed.Parts.TermPart[t + k] == part && string.Equals(terms[t + k], sequence[k], StringComparison.Ordinal);
                }

                if (found)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A lack named right before a condition the content names as another cause ("if im low on iron"): the lack is that
    /// one's, so it does not stand for low B12.
    /// </summary>
    private bool LacksNeighbourCondition(AnalyzedText analyzed, int t) =>
        t + 1 < analyzed.Terms.Count && analyzed.Parts.TermPart[t + 1] == analyzed.Parts.TermPart[t]
        && _index.NeighbourConditionTerms.Contains(analyzed.Terms[t + 1]);

    /// <summary>
    /// A shot word right after another medicine no answer is about ("testosterone injections"): that one's shot, not
    /// B12's. Not after a vaccine, which an answer is about: "my flu vaccine and b12 injection" reads as the same two words.
    /// </summary>
    private bool IsAnotherThingsShot(AnalyzedText analyzed, int t) =>
        t > 0 && !_index.B12OwnTerms.Contains(analyzed.Terms[t]) && analyzed.Parts.TermPart[t - 1] == analyzed.Parts.TermPart[t]
        && _index.ForeignTerms.Contains(analyzed.Terms[t - 1]) && !_index.CoveredForeignTerms.Contains(analyzed.Terms[t - 1]);

    /// <summary>
    /// Whether the last subject named before asking part <paramref name="part"/> (B12, its shot, or another one) is
    /// another finding told with its figure ("my blood pressure was 152 over 94"): a result the question points back at,
    /// not a claim about B12 ("b12 helps hair growth. any truth in that?").
    /// </summary>
    private bool LastSubjectIsFinding(AnalyzedText analyzed, int part) =>
        LastSubject(analyzed, part) is { } t && _index.FindingTerms.Contains(analyzed.Terms[t]) && HasFigure(analyzed, analyzed.TermClause[t]);

    /// <summary>
    /// Whether the last subject named before asking part <paramref name="part"/> is another medicine, vitamin, condition
    /// or test told apart from B12 ("her gp has started her on alendronic acid", "my physio said i've got plantar
    /// fasciitis"), and one no answer is about (unlike a vaccine beside the shot). Not a claim about B12 ("b12 helps hair
    /// growth. any truth in that?"), nor a medicine told with the shots ("i have b12 jabs and take sertraline").
    /// </summary>
    private bool LastSubjectIsOther(AnalyzedText analyzed, int part) => OtherSubjectToldApart(analyzed, part) is not null;

    /// <summary>
    /// Whether the last subject named before asking part <paramref name="part"/> is another medicine told apart from B12 in
    /// the same clause: "also my doctor gave prednisolone for a skin rash, what side effects should i watch for?" asks
    /// about the prednisolone. A sentence of its own between them ("i'm also on antibiotics. how long do these side
    /// effects hang around?") leaves the question with the story of the shot.
    /// </summary>
    private bool LastSubjectIsOtherInSameClause(AnalyzedText analyzed, int part)
    {
        if (OtherSubjectToldApart(analyzed, part) is not { } t)
        {
            return false;
        }

        for (var u = t + 1; u < analyzed.Terms.Count; u++)
        {
            if (analyzed.Parts.TermPart[u] == part)
            {
                return analyzed.TermClause[u] == analyzed.TermClause[t];
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="LastSubjectToldApart"/> when no answer is about it (unlike a vaccine beside the shot): the term's index.
    /// </summary>
    private int? OtherSubjectToldApart(AnalyzedText analyzed, int part) =>
        LastSubjectToldApart(analyzed, part) is { } t && !_index.CoveredForeignTerms.Contains(analyzed.Terms[t]) ? t : null;

    /// <summary>
    /// The last subject named before asking part <paramref name="part"/> when it is another one told apart from B12 (its
    /// part names neither B12 nor its shot): "i have b12 jabs and take sertraline" tells of the medicine with the shots.
    /// </summary>
    private int? LastSubjectToldApart(AnalyzedText analyzed, int part) =>
        LastSubject(analyzed, part) is { } t && !PartNamesB12(analyzed, analyzed.Parts.TermPart[t]) ? t : null;

    /// <summary>
    /// Whether a part that tells, not asks plainly, names a symptom the answer may have to be about ("my feet have been numb
    /// for weeks"): a question word inside a statement ("my balance is off when i walk in the dark") does not make it ask.
    /// </summary>
    private bool StoryTellsSymptoms(AnalyzedText analyzed)
    {
        for (var t = 0; t < analyzed.Terms.Count; t++)
        {
            if (!analyzed.Parts.Asks[analyzed.Parts.TermPart[t]] && _index.StorySymptomTerms.Contains(analyzed.Terms[t]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the last subject named before asking part <paramref name="part"/> is a condition the content names only as
    /// another cause ("my nurse thinks my thyroid could be underactive. what are the signs of that?"), not B12 or its shot.
    /// </summary>
    private bool LastSubjectIsNeighbourCondition(AnalyzedText analyzed, int part)
    {
        for (var t = analyzed.Terms.Count - 1; t >= 0; t--)
        {
            var term = analyzed.Terms[t];
            if (analyzed.Parts.TermPart[t] < part
                && (_index.NeighbourConditionTerms.Contains(term) || _index.ForeignTerms.Contains(term) || _index.B12Terms.Contains(term) || _index.CarriesB12Terms.Contains(term)))
            {
                return _index.NeighbourConditionTerms.Contains(term);
            }
        }

        return false;
    }

    /// <summary>The index of the last term before asking part <paramref name="part"/> that names B12, its shot or another subject; null when it is B12's or none.</summary>
    private int? LastSubject(AnalyzedText analyzed, int part)
    {
        for (var t = analyzed.Terms.Count - 1; t >= 0; t--)
        {
            var term = analyzed.Terms[t];
            // "semaglutide injections": the shot word is the medicine's, which is the subject named.
            if (analyzed.Parts.TermPart[t] < part && (_index.ForeignTerms.Contains(term) || (_index.B12Terms.Contains(term) && !IsAnotherThingsShot(analyzed, t))))
            {
                return _index.ForeignTerms.Contains(term) ? t : null;
            }
        }

        return null;
    }

    /// <summary>Whether asking part <paramref name="part"/> names a subject of the content's own ("is it normal for the arm to ache").</summary>
    private bool NamesContentSubject(AnalyzedText analyzed, int part)
    {
        for (var t = 0; t < analyzed.Terms.Count; t++)
        {
            if (analyzed.Parts.TermPart[t] == part && _index.SubjectTerms.Contains(analyzed.Terms[t]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether asking part <paramref name="part"/> names B12, its shot or a word tied to B12 itself: "i'm on b12 jabs and i
    /// want to start the pill" tells of the pill apart from the jabs.
    /// </summary>
    private bool PartNamesB12(AnalyzedText analyzed, int part)
    {
        for (var t = 0; t < analyzed.Terms.Count; t++)
        {
            // An anchor counts too ("low b12" is read as "deficiency"), unless it is a typo's guess ("neurologist") or goes
            // with another subject beside it ("low vitamin d", "zinc supplements").
            if (analyzed.Parts.TermPart[t] == part && ((_index.B12Terms.Contains(analyzed.Terms[t]) && !IsAnotherThingsShot(analyzed, t))
                || (!analyzed.TermWasCorrected[t] && _index.TryGetTermId(analyzed.Terms[t], out var id) && _index.IsAnchorTerm[id] && !BesideForeign(analyzed, t))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the term just before or after term <paramref name="t"/>, in its clause, names another subject; a figure
    /// between them does not part them ("sertraline 50mg": the dose is the sertraline's).
    /// </summary>
    private bool BesideForeign(AnalyzedText analyzed, int t) =>
        ForeignNextTo(analyzed, t, -1) || ForeignNextTo(analyzed, t, +1);

    private bool ForeignNextTo(AnalyzedText analyzed, int t, int step)
    {
        var n = t + step;
        while (n >= 0 && n < analyzed.Terms.Count && analyzed.TermClause[n] == analyzed.TermClause[t] && IsFigure(analyzed.Terms[n]))
        {
            n += step;
        }

        return n >= 0 && n < analyzed.Terms.Count && analyzed.TermClause[n] == analyzed.TermClause[t] && _index.ForeignTerms.Contains(analyzed.Terms[n]);
    }

    private static bool IsFigure(string term) => term.Length > 0 && term.All(char.IsAsciiDigit);

    private static bool HasFigure(AnalyzedText analyzed, int clause)
    {
        for (var t = 0; t < analyzed.Terms.Count; t++)
        {
            if (analyzed.TermClause[t] == clause && IsFigure(analyzed.Terms[t]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(string padded, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (padded.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static (int Best, int Second) TopTwo(double[] scores, int count)
    {
        int best = -1, second = -1;
        for (var d = 0; d < count; d++)
        {
            if (best < 0 || scores[d] > scores[best])
            {
                second = best;
                best = d;
            }
            else if (second < 0 || scores[d] > scores[second])
            {
                second = d;
            }
        }

        return (best, second);
    }

    /// <summary>Scores the terms of clauses <paramref name="firstClause"/> to <paramref name="lastClause"/> into <paramref name="scores"/>.</summary>
    private Reading ScoreInto(AnalyzedText analyzed, int firstClause, int lastClause, double[] scores)
    {
        var count = _index.IntentCount;
        var phrasingCount = _index.PhrasingIntent.Length;
        var phrasingOverlap = ArrayPool<double>.Shared.Rent(phrasingCount);
        var bestSimilarity = ArrayPool<double>.Shared.Rent(count);
        try
        {
            Array.Clear(scores, 0, count);
            Array.Clear(phrasingOverlap, 0, phrasingCount);
            Array.Clear(bestSimilarity, 0, count);
            var reading = new Reading();
            var terms = analyzed.Terms;
            for (var i = 0; i < terms.Count; i++)
            {
                if (analyzed.TermClause[i] < firstClause || analyzed.TermClause[i] > lastClause || SeenBefore(analyzed, i, firstClause, lastClause))
                {
                    continue; // count each term once
                }

                var factor = analyzed.TermWasCorrected[i] ? CorrectedTermFactor : 1.0;
                reading.HasForeign |= _index.ForeignTerms.Contains(terms[i]);
                reading.NamesB12 |= _index.B12Terms.Contains(terms[i]);
                reading.NamesB12Itself |= _index.B12OwnTerms.Contains(terms[i]);
                if (!_index.TryGetTermId(terms[i], out var id))
                {
                    // Words the content never uses still count against every intent, so "what time is it in tokyo"
                    // cannot ride on "time" alone; one- and two-letter scraps ("r", "u2") barely count.
                    var unknownWeight = (terms[i].Length <= 2 ? ShortUnknownTermWeight : UnknownTermWeight) * factor;
                    reading.Total += unknownWeight;
                    reading.Unknown += unknownWeight;
                    reading.HasUnknownSubject |= MayBeSubject(terms[i]);
                    continue;
                }

                var weight = _index.Idf[id] * factor;
                reading.Total += weight;
                reading.HasTopic |= _index.IsTopicTerm[id];
                reading.HasAnchor |= _index.IsAnchorTerm[id];
                foreach (var (doc, strength) in _index.IntentPostings[id])
                {
                    scores[doc] += weight * strength;
                }

                foreach (var phrasing in _index.PhrasingPostings[id])
                {
                    phrasingOverlap[phrasing] += weight;
                }
            }

            if (reading.Total <= 0)
            {
                return reading;
            }

            for (var p = 0; p < phrasingCount; p++)
            {
                if (phrasingOverlap[p] > 0)
                {
                    var similarity = 2 * phrasingOverlap[p] / (reading.Total + _index.PhrasingWeight[p]);
                    var doc = _index.PhrasingIntent[p];
                    if (similarity > bestSimilarity[doc])
                    {
                        bestSimilarity[doc] = similarity;
                    }
                }
            }

            for (var d = 0; d < count; d++)
            {
                scores[d] = (CoverageShare * scores[d] / reading.Total) + ((1 - CoverageShare) * bestSimilarity[d]);
            }

            return reading;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(phrasingOverlap);
            ArrayPool<double>.Shared.Return(bestSimilarity);
        }
    }

    /// <summary>Whether the message's last clause with words opens with a question word ("which blood tests are done to find out?").</summary>
    private static bool LastClauseOpensWithQuestionWord(AnalyzedText analyzed)
    {
        var starts = analyzed.ClauseWordStarts;
        var last = analyzed.Terms.Count > 0 ? analyzed.TermClause[^1] : -1;
        return last >= 0 && last < starts.Length && starts[last] < analyzed.Words.Length && TermAnalyzer.IsQuestionWord(analyzed.Words[starts[last]]);
    }

    /// <summary>
    /// Whether the message's last clause with words that count asks for the symptom check itself ("... can you ask me some
    /// questions and tell me whether it could be b12?", "id like to do the self assessment"): a request word among its
    /// terms; and whether it asks for nothing else, every term a request word ("... can u do that self-check thing with
    /// me?"). A question about such a check asks about it rather than for it: a clause with a question word ("before i
    /// begin, what sort of assessment do i need?") or opening with "is/are there" ("is there any assessment needed?").
    /// </summary>
    private (bool Requests, bool RequestsOnly) RequestsWalkthrough(AnalyzedText analyzed)
    {
        var terms = analyzed.Terms;
        if (terms.Count == 0 || _index.RequestTerms.Count == 0)
        {
            return (false, false);
        }

        var last = analyzed.TermClause[^1];
        bool asks = false, only = true;
        for (var i = terms.Count - 1; i >= 0 && analyzed.TermClause[i] == last; i--)
        {
            var request = _index.RequestTerms.Contains(terms[i]);
            asks |= request;
            only &= request;
        }

        var words = analyzed.Words;
        var starts = analyzed.ClauseWordStarts;
        if (!asks || last < 0 || last >= starts.Length)
        {
            return (asks, asks && only);
        }

        var from = starts[last];
        var to = last + 1 < starts.Length ? starts[last + 1] : words.Length;
        if (to - from >= 2 && words[from] is "is" or "are" && words[from + 1] == "there")
        {
            return (false, false);
        }

        for (var w = from; w < to; w++)
        {
            if (TermAnalyzer.IsQuestionWord(words[w]))
            {
                return (false, false);
            }
        }

        return (true, only);
    }

    /// <summary>Whether a word the content never uses is long enough, and a word at all, to be what the message is about.</summary>
    private static bool MayBeSubject(string term) => term.Length >= SubjectWordLength && TypoCorrector.IsLetters(term);

    private static bool SeenBefore(AnalyzedText analyzed, int index, int firstClause, int lastClause)
    {
        var terms = analyzed.Terms;
        for (var i = 0; i < index; i++)
        {
            if (analyzed.TermClause[i] >= firstClause && analyzed.TermClause[i] <= lastClause && string.Equals(terms[i], terms[index], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct MessageReading(
        bool RequestsWalkthrough,
        bool RequestsOnlyWalkthrough,
        bool StoryTellsSymptoms,
        bool LastClauseOpensWithQuestionWord,
        bool AsksOfUnknownThing,
        IReadOnlySet<int>? OnlyAnswersForSubjectAsked);

    private sealed class Reading
    {
        public bool HasTopic;
        public bool HasAnchor;
        public bool HasUnknownSubject;
        public bool HasForeign;
        public bool NamesB12;
        public bool NamesB12Itself;
        public double Total;
        public double Unknown;

        public LexicalEvidence ToEvidence(double[] scores, int walkthrough, int[] questions, bool questionAboutSomethingElse, MessageReading message) => new(scores)
        {
            RequestsOnlyWalkthrough = message.RequestsOnlyWalkthrough,
            AsksOfUnknownThing = message.AsksOfUnknownThing,
            OnlyAnswersForSubjectAsked = message.OnlyAnswersForSubjectAsked,
            LastClauseOpensWithQuestionWord = message.LastClauseOpensWithQuestionWord,
            RequestsWalkthrough = message.RequestsWalkthrough,
            StoryTellsSymptoms = message.StoryTellsSymptoms,
            WalkthroughScore = walkthrough >= 0 ? scores[walkthrough] : 0,
            QuestionAboutSomethingElse = questionAboutSomethingElse,
            HasTopic = HasTopic,
            HasAnchor = HasAnchor,
            HasUnknownSubject = HasUnknownSubject,
            HasForeignSubject = HasForeign,
            NamesB12 = NamesB12,
            NamesB12Itself = NamesB12Itself,
            UnknownShare = Total > 0 ? Unknown / Total : 0,
            QuestionIntents = questions,
        };
    }
}
