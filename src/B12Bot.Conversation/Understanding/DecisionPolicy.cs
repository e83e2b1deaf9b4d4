using B12Bot.Conversation.Faq;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Turns the evidence into what the bot does, with the fitted model's probabilities and thresholds only: answer the best
/// intent when it is likely enough; "did you mean" when two B12 topics are both likely and neither clearly wins; the scope
/// statement when the message is not about B12 care (or the scope model is unsure and no intent is clearly asked, see
/// <see cref="UnsureScopeBand"/>); otherwise say it was not understood.
/// </summary>
public sealed class DecisionPolicy(IntentCatalog catalog, UnderstandingModel model)
{
    private const int MaxAlternatives = 3;

    private readonly IntentCatalog _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    private readonly UnderstandingModel _model = model ?? throw new ArgumentNullException(nameof(model));

    // The walkthrough start's intent number (-1: none), looked up once rather than per message.
    private readonly int _walkthrough = catalog?.IndexOf(Intent.WalkthroughId) ?? -1;

    public IntentAssessment Assess(LexicalEvidence lexical, SemanticEvidence semantic) => Assess(lexical, semantic, _model.Candidate, _model.Scope);

    /// <summary>
    /// The cascade's first stage: the same reading from lexical and static-semantic evidence, with the model's static
    /// weights (see <see cref="CascadeBand"/> for when it decides alone).
    /// </summary>
    public IntentAssessment AssessFirstStage(LexicalEvidence lexical, SemanticEvidence staticSemantic) =>
        Assess(lexical, staticSemantic, _model.StaticCandidate ?? throw new InvalidOperationException("The understanding model has no first stage (static_candidate)."),
            _model.StaticScope ?? throw new InvalidOperationException("The understanding model has no first stage (static_scope)."));

    private IntentAssessment Assess(LexicalEvidence lexical, SemanticEvidence semantic, LogisticModel candidate, LogisticModel scope)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(semantic);
        Span<double> features = stackalloc double[Math.Max(UnderstandingFeatures.CandidateNames.Length, UnderstandingFeatures.ScopeNames.Length)];
        var probabilities = new double[_catalog.Count];
        var lexicalLeaders = UnderstandingFeatures.Leaders.Of(lexical.Scores);
        var semanticLeaders = UnderstandingFeatures.Leaders.Of(semantic.Phrasing);
        for (var i = 0; i < probabilities.Length; i++)
        {
            UnderstandingFeatures.Candidate(i, lexical, semantic, lexicalLeaders, semanticLeaders, features);
            probabilities[i] = candidate.Score(features);
        }

        Softmax(probabilities);

        UnderstandingFeatures.Scope(lexical, semantic, features);
        return new IntentAssessment(probabilities, ScopeProbability(lexical, scope.Probability(features)), lexical.QuestionIntents)
        {
            NamesAnotherSubject = lexical.HasForeignSubject,
            AsksOfUnknownThing = lexical.AsksOfUnknownThing,
            OnlyAnswersForSubjectAsked = lexical.OnlyAnswersForSubjectAsked,
            AsksForWalkthrough = _walkthrough >= 0 && Array.IndexOf(lexical.QuestionIntents, _walkthrough) >= 0,
            RequestsWalkthrough = lexical.RequestsWalkthrough,
            RequestsOnlyWalkthrough = lexical.RequestsOnlyWalkthrough,
        };
    }

    /// <summary>
    /// How likely the message is about B12 care: the model's figure, except that a message naming another medicine,
    /// vitamin or condition and not B12 is never about it. Such a question gets the scope statement and its pointer to a
    /// clinician or pharmacist, never a B12 answer, however close its words come to one. The same holds when the
    /// question itself is about something else and only the story around it mentions B12 ("i get b12 jabs, but how
    /// often can i use my inhaler?"). A message that names B12 and no other subject is left to the model: its meaning
    /// can still be nearer a question the bot does not answer ("the vet says our dog has low B12, how often do dogs get
    /// the injections?"). The fitting command applies the same rules, so the thresholds are measured with them.
    /// </summary>
    public static double ScopeProbability(LexicalEvidence lexical, double modelProbability)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        return lexical.IsAboutSomethingElse || lexical.QuestionAboutSomethingElse ? 0 : modelProbability;
    }

    public FaqMatch Decide(IntentAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var ranked = assessment.Ranked();
        var p = assessment.IntentProbabilities;
        var best = _catalog.Intents[ranked[0]];
        var bestP = p[ranked[0]];
        var secondP = ranked.Length > 1 ? p[ranked[1]] : 0;

        // The visitor asked to be taken through the questions ("... can you ask me some questions and tell me whether it
        // could be b12?"): that wins over an answer about the symptoms told before, when the model ranks the walkthrough
        // among the closest or the question asks for nothing else ("... can u do that self-check thing with me?"), and no
        // other medicine or condition is named. Its probability stays the score, so the safety backstop still screens an
        // unsure start.
        if (assessment.RequestsWalkthrough && !assessment.NamesAnotherSubject && _walkthrough >= 0
            && (assessment.RequestsOnlyWalkthrough || Array.IndexOf(ranked, _walkthrough) is >= 0 and < MaxAlternatives))
        {
            return FaqMatch.For(_catalog.Intents[_walkthrough], p[_walkthrough]);
        }

        if (_model.IsOutOfScope(assessment.ScopeProbability, bestP))
        {
            // A story that ends by asking to be taken through the questions ("... can we do your questionnaire to see
            // if it's worth booking?") reads as off-topic as a whole; when its question clause plainly asks for the
            // walkthrough and the model ranks it first, it starts (never a B12 answer). Not when the message names another
            // medicine or condition: "my question is about my husband's statins" asks about them. (Any words asking for
            // it, in one clause too, were tried: "can you help me with my homework" started it, and four crisis messages
            // of the safety sets lost the crisis line.)
            if (!assessment.NamesAnotherSubject && assessment.AsksForWalkthrough && ranked[0] == _walkthrough)
            {
                return FaqMatch.For(best, bestP);
            }

            return new FaqMatch { Kind = FaqMatchKind.OutOfScope, Score = bestP };
        }

        // "i get b12 jabs. my gp wants me to have the shingles vaccine, how many doses is it?": a vaccine asked about by
        // itself; only the answer about a shot on the day of a vaccine speaks of it, the dose answer is B12's.
        if (assessment.OnlyAnswersForSubjectAsked is { } only && best.Entry is not null && !only.Contains(ranked[0]))
        {
            return new FaqMatch { Kind = FaqMatchKind.OutOfScope, Score = bestP };
        }

        // "b12 patient here, do you do allergy testing and how much is it": the price asked is another service's; so is
        // one asked of a thing the content never names, when the question names neither B12 nor its shot.
        if (best.Entry is { OnlyAboutB12: true } && (assessment.NamesAnotherSubject || assessment.AsksOfUnknownThing))
        {
            return new FaqMatch { Kind = FaqMatchKind.OutOfScope, Score = bestP };
        }

        // A message that asks two things splits the probability between them: answer both when together they are likely.
        // The other clearly-asked question, when the model also ranks it among the closest.
        var second = assessment.QuestionIntents.FirstOrDefault(i => i != ranked[0] && Array.IndexOf(ranked, i) < MaxAlternatives, -1);
        if (bestP < _model.AnswerThreshold && second >= 0 && bestP + p[second] >= _model.AnswerThreshold
            && best.Entry is not null && _catalog.Intents[second].Entry is { } secondEntry)
        {
            return new FaqMatch { Kind = FaqMatchKind.Answer, Entry = best.Entry, Also = secondEntry, Score = bestP };
        }

        if (bestP >= _model.AnswerThreshold)
        {
            var match = FaqMatch.For(best, bestP);
            if (match.Kind != FaqMatchKind.Answer)
            {
                return match;
            }

            // A runner-up nearly as likely is offered beside the answer; a second question is answered too.
            var alternatives = secondP >= _model.ClarifyThreshold ? Alternatives(ranked, p, skip: 1) : [];
            var also = second >= 0 ? _catalog.Intents[second].Entry : null;
            return new FaqMatch { Kind = FaqMatchKind.Answer, Entry = match.Entry, Score = bestP, Alternatives = alternatives, Also = also };
        }

        if (bestP >= _model.ClarifyThreshold && secondP >= _model.ClarifyThreshold)
        {
            var alternatives = Alternatives(ranked, p, skip: 0);
            if (alternatives.Count >= 2)
            {
                return new FaqMatch { Kind = FaqMatchKind.Ambiguous, Score = bestP, Alternatives = alternatives };
            }
        }

        return new FaqMatch { Kind = FaqMatchKind.Unrecognized, Score = bestP };
    }

    /// <summary>
    /// Turns intent scores into probabilities in place: a choice among the intents and "none of them" (score 0), so a
    /// message no intent fits leaves every probability low.
    /// </summary>
    public static void Softmax(double[] scores)
    {
        var max = Math.Max(0, scores.Max());
        var total = Math.Exp(-max); // "none of them"
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            total += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= total;
        }
    }

    private List<Content.FaqEntry> Alternatives(int[] ranked, double[] p, int skip)
    {
        var picked = new List<Content.FaqEntry>(MaxAlternatives);
        for (var k = skip; k < ranked.Length && picked.Count < MaxAlternatives && p[ranked[k]] >= _model.ClarifyThreshold; k++)
        {
            if (_catalog.Intents[ranked[k]].Entry is { } entry)
            {
                picked.Add(entry);
            }
        }

        return picked;
    }
}
