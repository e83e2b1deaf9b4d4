using System.Buffers;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Faq;

/// <summary>
/// Understands a visitor's message against the FAQ. Every entry is indexed once at start-up by its phrasings, keywords,
/// title and answer; a message is read into concepts (synonyms, stems, corrected typos) and each entry is scored by
/// (a) how much of the message's information it explains, weighting rare terms higher (IDF) and keywords above answer
/// text, and (b) its closest single phrasing. A clear winner is answered; a close race is "not sure, did you mean";
/// a message without any B12 topic word is out of scope. Small talk and commands are recognised first.
/// </summary>
public sealed class FaqMatcher
{
    /// <summary>A winner at or above this score is answered if it leads the runner-up by <see cref="Margin"/>.</summary>
    public const double AnswerThreshold = 0.42;

    /// <summary>A winner at or above this score is answered whatever the runner-up scores.</summary>
    public const double ConfidentThreshold = 0.58;

    public const double Margin = 0.05;

    /// <summary>A modest winner is still answered when it is this far ahead of every other entry.</summary>
    public const double LeadThreshold = 0.3;

    public const double WideMargin = 0.2;

    /// <summary>
    /// A winner at or above this score that leads by at least <see cref="CloseCallMargin"/> is still answered, with the
    /// runner-up offered beside it: the top entry is right far more often than not, and a "did you mean" list answers nothing.
    /// </summary>
    public const double CloseCallThreshold = 0.3;

    public const double CloseCallMargin = 0.01;

    /// <summary>A message without topic words is only answered when it matches at least this well.</summary>
    public const double OffTopicAnswerThreshold = 0.85;

    /// <summary>Below this, a message with no topic word is out of scope rather than ambiguous.</summary>
    public const double AmbiguousFloor = 0.22;

    /// <summary>
    /// A message that names something the content never mentions ("covid", "ozempic") and nothing B12-specific is only
    /// answered when it matches at least this well: "what are the symptoms of covid" is not a B12 question.
    /// </summary>
    public const double UnanchoredAnswerThreshold = 0.95;

    /// <summary>How much a clause that is not a question counts against the whole message (stories before the question).</summary>
    private const double StatementClauseFactor = 0.9;

    /// <summary>Unknown words this long or longer may be the subject of the message.</summary>
    private const int SubjectWordLength = 4;

    private const double KeywordStrength = 1.0;
    private const double TitleStrength = 0.9;
    private const double AnswerStrength = 0.3;
    private const double UnknownTermWeight = 0.6;
    private const double ShortUnknownTermWeight = 0.2;
    private const double CorrectedTermFactor = 0.85;
    private const double CoverageShare = 0.55;
    private const double IntentCueFactor = 1.5;

    /// <summary>Words that only ever appear in answer text (never in a phrasing, keyword or title) are incidental.</summary>
    private const double AnswerOnlyTermFactor = 0.5;
    private const int WalkthroughDoc = -1;

    private readonly B12Content _content;
    private readonly TermAnalyzer _analyzer;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly double[] _idf;
    private readonly (int Doc, double Strength)[][] _docPostings;
    private readonly int[][] _phrasingPostings;
    private readonly int[] _phrasingDoc;
    private readonly double[] _phrasingWeight;
    private readonly int _docCount;
    private readonly bool[] _isTopicTerm;
    private readonly bool[] _isAnchorTerm;
    private readonly Dictionary<string, int> _exactPhrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BotCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SmallTalkIntent> _smallTalkPhrases = new(StringComparer.Ordinal);
    private readonly (SmallTalkIntent Intent, string[][] Phrases)[] _smallTalk;
    private readonly HashSet<string> _smallTalkWords = new(StringComparer.Ordinal);

    public FaqMatcher(B12Content content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _content = content;
        _analyzer = new TermAnalyzer(content.Language, VocabularyTexts(content));
        Analyzer = _analyzer;

        // Documents: the FAQ entries, then the walkthrough (index = entry count) so "should I get shots?" can start it.
        var faq = content.Faq;
        _docCount = faq.Count + 1;
        var docTerms = new List<Dictionary<string, double>>(_docCount);
        var phrasings = new List<(int Doc, string[] Terms)>();
        for (var d = 0; d < _docCount; d++)
        {
            var isWalkthrough = d == faq.Count;
            var strengths = new Dictionary<string, double>(StringComparer.Ordinal);
            IReadOnlyList<string> questions = isWalkthrough ? content.Walkthrough.Triggers : faq[d].Questions;
            var title = isWalkthrough ? content.Walkthrough.Title : faq[d].Title;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var question in questions)
            {
                var terms = _analyzer.TermsOf(question);
                phrasings.Add((d, terms));
                foreach (var term in terms)
                {
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }
            }

            var titleTerms = _analyzer.TermsOf(title);
            phrasings.Add((d, titleTerms));
            foreach (var (term, count) in counts)
            {
                // A term in many phrasings is core to the entry; one in a single phrasing may be incidental.
                Raise(strengths, term, 0.6 + (0.3 * Math.Min(1.0, count / 3.0)));
            }

            foreach (var term in titleTerms)
            {
                Raise(strengths, term, TitleStrength);
            }

            if (!isWalkthrough)
            {
                foreach (var keyword in faq[d].Keywords)
                {
                    foreach (var term in _analyzer.TermsOf(keyword))
                    {
                        Raise(strengths, term, KeywordStrength);
                    }
                }

                foreach (var term in _analyzer.TermsOf(faq[d].Answer))
                {
                    Raise(strengths, term, AnswerStrength);
                }
            }

            docTerms.Add(strengths);
        }

        // Term ids and inverse document frequency.
        var documentFrequency = new List<int>();
        foreach (var strengths in docTerms)
        {
            foreach (var term in strengths.Keys)
            {
                if (!_termIds.TryGetValue(term, out var id))
                {
                    id = _termIds.Count;
                    _termIds[term] = id;
                    documentFrequency.Add(0);
                }

                documentFrequency[id]++;
            }
        }

        _idf = new double[_termIds.Count];
        for (var id = 0; id < _idf.Length; id++)
        {
            _idf[id] = Math.Log((_docCount + 1.0) / (documentFrequency[id] + 0.5));
        }

        var askedAbout = new HashSet<string>(StringComparer.Ordinal);
        foreach (var strengths in docTerms)
        {
            foreach (var (term, strength) in strengths)
            {
                if (strength > AnswerStrength)
                {
                    askedAbout.Add(term);
                }
            }
        }

        foreach (var (term, id) in _termIds)
        {
            if (!askedAbout.Contains(term))
            {
                _idf[id] *= AnswerOnlyTermFactor;
            }
        }

        foreach (var cue in content.Language.IntentCues)
        {
            if (_termIds.TryGetValue(cue, out var id))
            {
                _idf[id] *= IntentCueFactor;
            }
        }

        var docPostings = new List<(int, double)>[_termIds.Count];
        for (var d = 0; d < _docCount; d++)
        {
            foreach (var (term, strength) in docTerms[d])
            {
                (docPostings[_termIds[term]] ??= []).Add((d, strength));
            }
        }

        _docPostings = Array.ConvertAll(docPostings, list => list?.ToArray() ?? []);

        var phrasingPostings = new List<int>[_termIds.Count];
        _phrasingDoc = new int[phrasings.Count];
        _phrasingWeight = new double[phrasings.Count];
        for (var p = 0; p < phrasings.Count; p++)
        {
            _phrasingDoc[p] = phrasings[p].Doc;
            foreach (var term in phrasings[p].Terms)
            {
                var id = _termIds[term];
                (phrasingPostings[id] ??= []).Add(p);
                _phrasingWeight[p] += _idf[id];
            }
        }

        _phrasingPostings = Array.ConvertAll(phrasingPostings, list => list?.ToArray() ?? []);

        _isTopicTerm = new bool[_termIds.Count];
        foreach (var topic in content.Language.TopicWords)
        {
            foreach (var term in _analyzer.TermsOf(topic))
            {
                if (_termIds.TryGetValue(term, out var id))
                {
                    _isTopicTerm[id] = true;
                }
            }
        }

        _isAnchorTerm = new bool[_termIds.Count];
        foreach (var anchor in content.Language.AnchorWords)
        {
            foreach (var term in _analyzer.TermsOf(anchor))
            {
                if (_termIds.TryGetValue(term, out var id))
                {
                    _isAnchorTerm[id] = true;
                }
            }
        }

        // Exact phrasings and titles (buttons send titles back) go straight to their entry.
        for (var d = 0; d < faq.Count; d++)
        {
            _exactPhrases.TryAdd(ExactKey(faq[d].Title), d);
        }

        _exactPhrases[ExactKey(content.Walkthrough.Title)] = faq.Count;
        foreach (var trigger in content.Walkthrough.Triggers)
        {
            _exactPhrases.TryAdd(ExactKey(trigger), faq.Count);
        }

        for (var d = 0; d < faq.Count; d++)
        {
            foreach (var question in faq[d].Questions)
            {
                _exactPhrases.TryAdd(ExactKey(question), d);
            }
        }

        foreach (var (command, phrases) in content.Messages.Commands)
        {
            foreach (var phrase in phrases)
            {
                _commands.TryAdd(ExactKey(phrase), command);
            }
        }

        var smallTalk = new List<(SmallTalkIntent, string[][])>();
        foreach (var intent in content.Messages.SmallTalk)
        {
            var phrases = new List<string[]>();
            foreach (var phrase in intent.Phrases)
            {
                _smallTalkPhrases.TryAdd(ExactKey(phrase), intent);
                var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(phrase));
                phrases.Add(words);
                _smallTalkWords.UnionWith(words);
            }

            smallTalk.Add((intent, [.. phrases]));
        }

        _smallTalk = [.. smallTalk];
    }

    /// <summary>The analyzer this matcher reads with (shared with the walkthrough's answer recognizer).</summary>
    public TermAnalyzer Analyzer { get; }

    public FaqMatch Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FaqMatch { Kind = FaqMatchKind.Empty };
        }

        var analyzed = _analyzer.Analyze(text);
        if (analyzed.Words.Length == 0)
        {
            return new FaqMatch { Kind = FaqMatchKind.Empty };
        }

        var exactKey = ExactKey(analyzed.Normalized);
        if (_commands.TryGetValue(exactKey, out var command))
        {
            return new FaqMatch { Kind = FaqMatchKind.Command, Command = command, Score = 1 };
        }

        if (_exactPhrases.TryGetValue(exactKey, out var exactDoc))
        {
            return ForDoc(exactDoc, 1.0);
        }

        if (!MentionsTopic(analyzed) && MatchSmallTalk(analyzed, exactKey) is { } intent)
        {
            return new FaqMatch { Kind = FaqMatchKind.SmallTalk, SmallTalk = intent, Score = 1 };
        }

        if (analyzed.Terms.Count == 0)
        {
            return new FaqMatch { Kind = FaqMatchKind.Unrecognized };
        }

        return Score(analyzed);
    }

    private FaqMatch Score(AnalyzedText analyzed)
    {
        var docScores = ArrayPool<double>.Shared.Rent(_docCount);
        try
        {
            var reading = ScoreMessage(analyzed, docScores);
            if (reading.Total <= 0)
            {
                return new FaqMatch { Kind = reading.HasTopic ? FaqMatchKind.Unrecognized : FaqMatchKind.OutOfScope };
            }

            var (best, second) = TopTwo(docScores);
            var bestScore = docScores[best];
            var secondScore = second >= 0 ? docScores[second] : 0;
            if (!reading.HasTopic && bestScore < OffTopicAnswerThreshold)
            {
                return new FaqMatch { Kind = FaqMatchKind.OutOfScope, Score = bestScore };
            }

            if (!reading.HasAnchor && reading.HasUnknownSubject && bestScore < UnanchoredAnswerThreshold)
            {
                return new FaqMatch { Kind = FaqMatchKind.OutOfScope, Score = bestScore };
            }

            if (IsClearWinner(bestScore, secondScore))
            {
                var match = ForDoc(best, bestScore);
                return reading.SecondQuestionDoc >= 0 && reading.SecondQuestionDoc != best && match.Kind == FaqMatchKind.Answer
                       && reading.SecondQuestionDoc < _content.Faq.Count
                    ? new FaqMatch { Kind = match.Kind, Entry = match.Entry, Score = bestScore, Also = _content.Faq[reading.SecondQuestionDoc] }
                    : match;
            }

            if (reading.HasTopic && bestScore >= CloseCallThreshold && bestScore - secondScore >= CloseCallMargin && best < _content.Faq.Count)
            {
                var alternatives = Alternatives(docScores, bestScore);
                alternatives.Remove(_content.Faq[best]);
                return new FaqMatch { Kind = FaqMatchKind.Answer, Entry = _content.Faq[best], Score = bestScore, Alternatives = alternatives };
            }

            if (!reading.HasTopic && bestScore < AmbiguousFloor)
            {
                return new FaqMatch { Kind = FaqMatchKind.OutOfScope, Score = bestScore };
            }

            return new FaqMatch { Kind = FaqMatchKind.Ambiguous, Score = bestScore, Alternatives = Alternatives(docScores, bestScore) };
        }
        finally
        {
            ArrayPool<double>.Shared.Return(docScores);
        }
    }

    private static bool IsClearWinner(double bestScore, double secondScore) =>
        bestScore >= ConfidentThreshold
        || (bestScore >= AnswerThreshold && bestScore - secondScore >= Margin)
        || (bestScore >= LeadThreshold && bestScore - secondScore >= WideMargin);

    private (int Best, int Second) TopTwo(double[] docScores)
    {
        int best = -1, second = -1;
        for (var d = 0; d < _docCount; d++)
        {
            if (best < 0 || docScores[d] > docScores[best])
            {
                second = best;
                best = d;
            }
            else if (second < 0 || docScores[d] > docScores[second])
            {
                second = d;
            }
        }

        return (best, second);
    }

    /// <summary>
    /// Scores the whole message, then each clause on its own: a story followed by a question ("my sister gets these
    /// shots at a spa ... is it safe?") is about its question, and two questions in one message can both be answered.
    /// Each entry keeps its best reading (the whole message, or a question clause; a statement clause counts a little
    /// less and only when the message asks nothing).
    /// </summary>
    private MessageReading ScoreMessage(AnalyzedText analyzed, double[] docScores)
    {
        var whole = ScoreInto(analyzed, AllClauses, docScores);
        if (whole.Total <= 0 || analyzed.ClauseCount < 2)
        {
            return whole;
        }

        var anyQuestion = false;
        for (var c = 0; c < analyzed.ClauseCount; c++)
        {
            anyQuestion |= analyzed.ClauseIsQuestion[c] && analyzed.TermClause.Contains(c);
        }

        var clauseScores = ArrayPool<double>.Shared.Rent(_docCount);
        try
        {
            int firstDoc = -1, secondDoc = -1;
            double firstScore = 0, secondScore = 0;
            for (var c = 0; c < analyzed.ClauseCount; c++)
            {
                var isQuestion = analyzed.ClauseIsQuestion[c];
                if ((anyQuestion && !isQuestion) || !analyzed.TermClause.Contains(c))
                {
                    continue;
                }

                var clause = ScoreInto(analyzed, c, clauseScores);
                if (clause.Total <= 0 || !clause.HasTopic)
                {
                    continue;
                }

                var factor = isQuestion ? 1.0 : StatementClauseFactor;
                for (var d = 0; d < _docCount; d++)
                {
                    docScores[d] = Math.Max(docScores[d], factor * clauseScores[d]);
                }

                // Remember the two best clearly-answered questions, for a message that asks two things.
                var (best, second) = TopTwo(clauseScores);
                var score = clauseScores[best];
                if (isQuestion && IsClearWinner(score, second >= 0 ? clauseScores[second] : 0) && best != firstDoc)
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

            // The message's winner is answered; the other clearly-answered question (if any) is answered too.
            var (overall, _) = TopTwo(docScores);
            var also = firstDoc >= 0 && firstDoc != overall ? firstDoc : secondDoc >= 0 && secondDoc != overall ? secondDoc : -1;
            return whole with { SecondQuestionDoc = also };
        }
        finally
        {
            ArrayPool<double>.Shared.Return(clauseScores);
        }
    }

    private const int AllClauses = -1;

    /// <summary>
    /// Fills <paramref name="docScores"/> (at least one slot per document) with each document's score for the message, or
    /// for one clause of it: the share of the weighted terms it explains, blended with its best phrasing's weighted Dice
    /// similarity.
    /// </summary>
    private MessageReading ScoreInto(AnalyzedText analyzed, int clause, double[] docScores)
    {
        var phrasingOverlap = ArrayPool<double>.Shared.Rent(_phrasingDoc.Length);
        var bestSimilarity = ArrayPool<double>.Shared.Rent(_docCount);
        try
        {
            Array.Clear(docScores, 0, _docCount);
            Array.Clear(phrasingOverlap, 0, _phrasingDoc.Length);
            Array.Clear(bestSimilarity, 0, _docCount);
            var total = 0.0;
            var hasTopic = false;
            var hasAnchor = false;
            var hasUnknownSubject = false;
            var terms = analyzed.Terms;
            for (var i = 0; i < terms.Count; i++)
            {
                if ((clause != AllClauses && analyzed.TermClause[i] != clause) || SeenBefore(analyzed, i, clause))
                {
                    continue; // count each term once
                }

                var factor = analyzed.TermWasCorrected[i] ? CorrectedTermFactor : 1.0;
                if (!_termIds.TryGetValue(terms[i], out var id))
                {
                    // Words the content never uses still count against every entry, so "what time is it in tokyo"
                    // cannot ride on "time" alone; one- and two-letter scraps ("r", "u2") barely count.
                    total += (terms[i].Length <= 2 ? ShortUnknownTermWeight : UnknownTermWeight) * factor;
                    hasUnknownSubject |= terms[i].Length >= SubjectWordLength && IsLetters(terms[i]);
                    continue;
                }

                var weight = _idf[id] * factor;
                total += weight;
                hasTopic |= _isTopicTerm[id];
                hasAnchor |= _isAnchorTerm[id];
                foreach (var (doc, strength) in _docPostings[id])
                {
                    docScores[doc] += weight * strength;
                }

                foreach (var phrasing in _phrasingPostings[id])
                {
                    phrasingOverlap[phrasing] += weight;
                }
            }

            if (total <= 0)
            {
                return new MessageReading(hasTopic, hasAnchor, hasUnknownSubject, 0);
            }

            for (var p = 0; p < _phrasingDoc.Length; p++)
            {
                if (phrasingOverlap[p] > 0)
                {
                    var similarity = 2 * phrasingOverlap[p] / (total + _phrasingWeight[p]);
                    var doc = _phrasingDoc[p];
                    if (similarity > bestSimilarity[doc])
                    {
                        bestSimilarity[doc] = similarity;
                    }
                }
            }

            for (var d = 0; d < _docCount; d++)
            {
                docScores[d] = (CoverageShare * docScores[d] / total) + ((1 - CoverageShare) * bestSimilarity[d]);
            }

            return new MessageReading(hasTopic, hasAnchor, hasUnknownSubject, total);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(phrasingOverlap);
            ArrayPool<double>.Shared.Return(bestSimilarity);
        }
    }

    private static bool SeenBefore(AnalyzedText analyzed, int index, int clause)
    {
        var terms = analyzed.Terms;
        for (var i = 0; i < index; i++)
        {
            if ((clause == AllClauses || analyzed.TermClause[i] == clause) && string.Equals(terms[i], terms[index], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What scoring learned about a message besides the scores.</summary>
    private readonly record struct MessageReading(bool HasTopic, bool HasAnchor, bool HasUnknownSubject, double Total)
    {
        /// <summary>A second entry that another question in the message clearly asks for, or -1.</summary>
        public int SecondQuestionDoc { get; init; } = -1;
    }

    private List<FaqEntry> Alternatives(double[] docScores, double bestScore)
    {
        var faq = _content.Faq;
        var picked = new List<FaqEntry>(3);
        for (var round = 0; round < 3; round++)
        {
            var pick = -1;
            for (var d = 0; d < faq.Count; d++)
            {
                if (docScores[d] > 0 && !picked.Contains(faq[d]) && (pick < 0 || docScores[d] > docScores[pick]))
                {
                    pick = d;
                }
            }

            // Two closest always (when there are any); a third only if it is nearly as close.
            if (pick < 0 || (round == 2 && docScores[pick] < 0.75 * bestScore))
            {
                break;
            }

            picked.Add(faq[pick]);
        }

        return picked;
    }

    private FaqMatch ForDoc(int doc, double score) => doc == _content.Faq.Count || doc == WalkthroughDoc
        ? new FaqMatch { Kind = FaqMatchKind.StartWalkthrough, Score = score }
        : new FaqMatch { Kind = FaqMatchKind.Answer, Entry = _content.Faq[doc], Score = score };

    private SmallTalkIntent? MatchSmallTalk(AnalyzedText analyzed, string exactKey)
    {
        if (_smallTalkPhrases.TryGetValue(exactKey, out var exact))
        {
            return exact;
        }

        // Only when every word is small talk (or a stop word): "hi there!", "ok thanks so much".
        var anySmallTalk = false;
        foreach (var word in analyzed.Words)
        {
            if (_smallTalkWords.Contains(word))
            {
                anySmallTalk = true;
            }
            else if (!_analyzer.IsStopword(word) && word is not ("so" or "much" or "very"))
            {
                return null;
            }
        }

        if (!anySmallTalk)
        {
            return null;
        }

        // The intent with the longest phrase found in the message wins ("is it good" -> "good", "ok thanks" -> thanks);
        // a tie goes to the intent listed first.
        SmallTalkIntent? best = null;
        var bestLength = 0;
        foreach (var (intent, phrases) in _smallTalk)
        {
            foreach (var phrase in phrases)
            {
                if (phrase.Length > bestLength && ContainsSequence(analyzed.Words, phrase))
                {
                    best = intent;
                    bestLength = phrase.Length;
                }
            }
        }

        return best;
    }

    private bool MentionsTopic(AnalyzedText analyzed)
    {
        foreach (var term in analyzed.Terms)
        {
            if (_termIds.TryGetValue(term, out var id) && _isTopicTerm[id])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The best-scoring entries for a message with their scores, for diagnostics and the accuracy report.</summary>
    internal IReadOnlyList<(string Id, double Score)> Explain(string text, int count = 3)
    {
        var analyzed = _analyzer.Analyze(text);
        var scores = new double[_docCount];
        _ = ScoreMessage(analyzed, scores);
        var order = Enumerable.Range(0, _docCount).OrderByDescending(d => scores[d]).Take(count);
        return [.. order.Select(d => (d == _content.Faq.Count ? "(walkthrough)" : _content.Faq[d].Id, Math.Round(scores[d], 3)))];
    }

    /// <summary>
    /// The key for whole-message lookups: normalized, without leading fillers ("hi", "ok so", "please") or a trailing
    /// "please", so "Hi, who are you?" finds "who are you" and "help please" is the help command.
    /// </summary>
    private static string ExactKey(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var filler in LeadingFillers)
            {
                if (normalized.Length > filler.Length && normalized.StartsWith(filler, StringComparison.Ordinal))
                {
                    normalized = normalized[filler.Length..];
                    changed = true;
                }
            }
        }

        if (normalized.EndsWith(" please", StringComparison.Ordinal))
        {
            normalized = normalized[..^" please".Length];
        }

        return normalized;
    }

    private static readonly string[] LeadingFillers = ["please ", "hi ", "hey ", "hello ", "ok ", "okay ", "so ", "um ", "uh ", "well "];

    private static bool ContainsSequence(string[] words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            var matches = true;
            for (var k = 0; k < phrase.Length && matches; k++)
            {
                matches = string.Equals(words[start + k], phrase[k], StringComparison.Ordinal);
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static void Raise(Dictionary<string, double> strengths, string term, double strength)
    {
        if (!strengths.TryGetValue(term, out var current) || current < strength)
        {
            strengths[term] = strength;
        }
    }

    private static IEnumerable<string> VocabularyTexts(B12Content content)
    {
        foreach (var entry in content.Faq)
        {
            yield return entry.Title;
            yield return entry.Answer;
            foreach (var question in entry.Questions)
            {
                yield return question;
            }

            foreach (var keyword in entry.Keywords)
            {
                yield return keyword;
            }
        }

        var walkthrough = content.Walkthrough;
        yield return walkthrough.Title;
        foreach (var trigger in walkthrough.Triggers)
        {
            yield return trigger;
        }

        foreach (var question in walkthrough.Questions)
        {
            yield return question.Prompt;
            foreach (var choice in question.Choices)
            {
                yield return choice.Label;
                foreach (var synonym in choice.Synonyms)
                {
                    yield return synonym;
                }
            }
        }

        foreach (var intent in content.Messages.SmallTalk)
        {
            foreach (var phrase in intent.Phrases)
            {
                yield return phrase;
            }
        }

        foreach (var phrases in content.Messages.Commands.Values)
        {
            foreach (var phrase in phrases)
            {
                yield return phrase;
            }
        }

        foreach (var topic in content.Language.TopicWords)
        {
            yield return topic;
        }
    }
}
