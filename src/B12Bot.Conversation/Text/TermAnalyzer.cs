using System.Text.RegularExpressions;
using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Text;

/// <summary>
/// Reads text into terms using dialogs/language.yaml: phrases and words listed as synonyms become their concept
/// ("jab" -> injection, "pins and needles" -> neuro), other words become their stem, stop words are dropped, and
/// unknown words are first corrected against the content's vocabulary. Built once; safe to share between threads.
/// </summary>
public sealed class TermAnalyzer
{
    private const int MaxPhraseWords = 6;

    /// <summary>Words shorter than this are never read as a medicine by their ending ("april", "scram").</summary>
    public const int MinMedicineNameLength = 7;

    /// <summary>Fewer words than this after a subject turn are no question of their own ("thanks anyway").</summary>
    public const int MinWordsAfterTurn = 3;

    /// <summary>The concept of a stop phrase: its words are read as nothing, as a stop word is.</summary>
    private const string StopPhrase = "";

    /// <summary>The most gap words between a likening word and what it likens ("like after my old flu jab").</summary>
    private const int MaxLikeningGap = 3;

    private readonly HashSet<string> _stopwords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _singleWordConcepts = new(StringComparer.Ordinal);

    /// <summary>
    /// Synonyms too short to be stemmed ("nos", "mic"): matched as written only, never by a longer word's stem ("nose"
    /// stems to "nos").
    /// </summary>
    private readonly HashSet<string> _shortWords = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _texting;
    private readonly Dictionary<string, List<(string[] Stems, string Concept)>> _phrasesByFirstStem = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownStems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referringWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openQuestionTerms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _intentCues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topicTerms = new(StringComparer.Ordinal);
    private readonly TypoCorrector _corrector;
    private readonly string? _medicineConcept;
    private readonly string[] _medicineEndings;
    private readonly Regex? _subjectTurn;
    private readonly HashSet<string> _likeningWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _likeningGap = new(StringComparer.Ordinal);
    private readonly HashSet<string> _likenedConcepts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _likeningNotAfter = new(StringComparer.Ordinal);

    /// <param name="language">Stop words and synonyms.</param>
    /// <param name="vocabularyTexts">Every text whose words count as known (FAQ, walkthrough, messages): typos are corrected towards them.</param>
    public TermAnalyzer(LanguageResources language, IEnumerable<string> vocabularyTexts)
    {
        var vocabulary = new List<(string, int)>();
        _texting = language.Texting;
        _medicineConcept = language.MedicineEndingConcept;
        _medicineEndings = [.. language.MedicineEndings];
        _subjectTurn = SubjectTurnPattern(language.SubjectTurns);
        if (_subjectTurn is not null)
        {
            // A timed-out subject turn would read a B12 story into another subject's question.
            CompiledPatterns.WarmUp(_subjectTurn, "b12 shots. unrelated but a question about something else");
        }

        _referringWords.UnionWith(language.ReferringWords.Select(TextNormalizer.Normalize));
        _likeningWords.UnionWith(language.Likening.Words.Select(TextNormalizer.Normalize));
        _likeningGap.UnionWith(language.Likening.Gap.Select(TextNormalizer.Normalize));
        _likenedConcepts.UnionWith(language.Likening.Concepts);
        _likeningNotAfter.UnionWith(language.Likening.NotAfter.Select(TextNormalizer.Normalize));
        _openQuestionTerms.UnionWith(language.OpenQuestionWords);
        _intentCues.UnionWith(language.IntentCues);
        _topicTerms.UnionWith(language.TopicWords);
        _topicTerms.UnionWith(language.TopicWords.Select(LightStemmer.Stem));
        foreach (var word in language.Stopwords)
        {
            var normalized = TextNormalizer.Normalize(word);
            if (TextNormalizer.Tokenize(normalized).Length > 1)
            {
                // A phrase that carries no topic ("good morning", "thanks in advance"): matched as a phrase, read as nothing.
                AddVariant(normalized, StopPhrase, vocabulary);
                continue;
            }

            _stopwords.Add(normalized);
            vocabulary.Add((normalized, 1));
        }

        var foreign = new HashSet<string>(language.ForeignWords, StringComparer.Ordinal);
        foreach (var (concept, variants) in language.Synonyms)
        {
            // A foreign concept's own name is no phrase of the language: "other_medicine" must not read "other medicines".
            if (!foreign.Contains(concept))
            {
                AddVariant(concept, concept, vocabulary);
            }

            foreach (var variant in variants)
            {
                AddVariant(variant, concept, vocabulary);
            }
        }

        foreach (var list in _phrasesByFirstStem.Values)
        {
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length)); // longest phrase first
        }

        foreach (var text in vocabularyTexts)
        {
            foreach (var word in TextNormalizer.Tokenize(TextNormalizer.Normalize(text)))
            {
                vocabulary.Add((word, 2));
            }
        }

        foreach (var (word, _) in vocabulary)
        {
            _knownStems.Add(LightStemmer.Stem(word));
        }

        _corrector = new TypoCorrector(vocabulary);
    }

    public bool IsStopword(string word) => _stopwords.Contains(word);

    /// <summary>True when the word, or its stem, is in the content's vocabulary.</summary>
    public bool IsKnownWord(string word) => _corrector.IsKnown(word) || _knownStems.Contains(LightStemmer.Stem(word));

    /// <summary>
    /// Whether <paramref name="word"/> is a medicine's name by its ending alone: a word the content never uses, long enough
    /// not to be an everyday one, ending in a medicine naming stem ("donepezil", "candesartan"). The ending is looked at
    /// first: few words have one, so the vocabulary is asked only for those.
    /// </summary>
    private bool IsMedicineName(string word)
    {
        if (_medicineConcept is null || word.Length < MinMedicineNameLength)
        {
            return false;
        }

        foreach (var ending in _medicineEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return !IsKnownWord(word);
            }
        }

        return false;
    }

    /// <summary>
    /// The text after the message's last subject turn ("on b12 shots. unrelated but paracetamol dose for kids" gives
    /// "paracetamol dose for kids"), when at least <see cref="MinWordsAfterTurn"/> words follow it; otherwise null.
    /// </summary>
    public string? TextAfterSubjectTurn(string text)
    {
        if (_subjectTurn is null)
        {
            return null;
        }

        var searched = text.Length > TextNormalizer.MaxInputLength ? text[..TextNormalizer.MaxInputLength] : text;
        Match turn;
        try
        {
            turn = _subjectTurn.Match(searched);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!turn.Success)
        {
            return null;
        }

        var rest = searched[(turn.Index + turn.Length)..].TrimStart(' ', ',', ':', ';', '-', '\u2013', '\u2014', '.', '!', '\n', '\t');
        return TextNormalizer.Tokenize(TextNormalizer.Normalize(rest)).Length >= MinWordsAfterTurn ? rest : null;
    }

    /// <summary>
    /// One pattern for every subject turn, built once: each phrase's words apart by spaces or marks, an apostrophe allowed
    /// inside a word ("while i'm here"), at the start of the message or after a mark (so "... the injections anyway give
    /// me more energy?" turns nothing), found from the end so the last turn wins.
    /// </summary>
    private static Regex? SubjectTurnPattern(IReadOnlyList<string> turns)
    {
        var phrases = turns
            .Select(t => TextNormalizer.Tokenize(TextNormalizer.Normalize(t)))
            .Where(words => words.Length > 0)
            .OrderByDescending(words => words.Length)
            .Select(words => string.Join(@"[\s\p{P}]+", words.Select(w => string.Join("['\u2019]?", w.Select(c => Regex.Escape(c.ToString()))))))
            .ToList();
        return phrases.Count == 0
            ? null
            : new Regex($@"(?<=^|[.,;:!?\n(\-\u2013\u2014]\s*)(?:{string.Join('|', phrases)})\b(?:[\s\p{{P}}]+(?:but|and|so|though|tho)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft | RegexOptions.Compiled,
                CompiledPatterns.MatchTimeout);
    }

    /// <summary>The analysed form of a message or a content phrase.</summary>
    public AnalyzedText Analyze(string? text, bool correctTypos = true)
    {
        var (normalized, words, clauseStarts, askedWithMark, sentenceStarts, partStarts, markAfter, segmentStarts) = SplitClauses(text);
        var corrected = new bool[words.Length];
        var medicine = new bool[words.Length]; // read as the medicine concept, and never corrected towards a content word
        for (var i = 0; i < words.Length; i++)
        {
            medicine[i] = IsMedicineName(words[i]);
        }

        if (correctTypos)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (!medicine[i] && !IsKnownWord(words[i]) && _corrector.Correct(words[i]) is { } fix)
                {
                    words[i] = fix;
                    corrected[i] = true;
                }
            }
        }

        var stems = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            stems[i] = LightStemmer.Stem(words[i]);
        }

        var terms = new List<string>(words.Length);
        var termCorrected = new List<bool>(words.Length);
        var termClause = new List<int>(words.Length);
        var clauseIsQuestion = new List<bool>(2);
        var termPart = new List<int>(words.Length);
        var termAt = new int[words.Length]; // the term a word starts, or -1
        Array.Fill(termAt, -1);
        var clause = -1;
        var position = 0;
        while (position < words.Length)
        {
            if (clauseStarts[position])
            {
                clause++;
                clauseIsQuestion.Add(askedWithMark[position] || IsQuestionClause(words, position, clauseStarts));
            }

            if (TryMatchPhrase(stems, position, clauseStarts, out var concept, out var length))
            {
                // "sore, a bit like after a flu jab": the vaccine only likened to the shot is no subject of its own.
                if (concept.Length == 0 || IsOnlyLikened(concept, words, position, clauseStarts))
                {
                    position += length;
                    continue;
                }

                termAt[position] = terms.Count;
                terms.Add(concept);
                termCorrected.Add(AnyCorrected(corrected, position, length));
                termClause.Add(clause);
                termPart.Add(PartOf(partStarts, position));
                position += length;
                continue;
            }

            var word = words[position];
            if (!_stopwords.Contains(word))
            {
                var isConcept = _singleWordConcepts.TryGetValue(word, out var single)
                    || (!_shortWords.Contains(stems[position]) && _singleWordConcepts.TryGetValue(stems[position], out single));
                if (isConcept && IsOnlyLikened(single!, words, position, clauseStarts))
                {
                    position++;
                    continue;
                }

                termAt[position] = terms.Count;
                if (isConcept)
                {
                    terms.Add(single!);
                }
                else if (medicine[position])
                {
                    terms.Add(_medicineConcept!);
                }
                else
                {
                    terms.Add(stems[position]);
                }

                termCorrected.Add(corrected[position]);
                termClause.Add(clause);
                termPart.Add(PartOf(partStarts, position));
            }

            position++;
        }

        var asksNothing = AsksNothing(terms, termClause, clauseIsQuestion.Count);
        var leansOnStory = RefersBack(words, clauseStarts, terms, termClause, asksNothing);
        return new AnalyzedText(normalized, words, terms, termCorrected, termClause, clauseIsQuestion, leansOnStory, asksNothing,
            QuestionSentence(words, clauseStarts, sentenceStarts, clauseIsQuestion, leansOnStory, termClause),
            new AskingParts(termPart, PartsAsk(words, partStarts, markAfter), PartClauses(clauseStarts, partStarts), PartsPointBack(words, partStarts, terms, termAt),
                PartsOwn(words, partStarts, terms, termAt)), WordStarts(clauseStarts), WordStarts(segmentStarts));
    }

    /// <summary>
    /// Whether <paramref name="concept"/>, starting at <paramref name="position"/>, is one that can be likened and is only
    /// likened to the shot ("sore, a bit like after a flu jab", "in the arm like my old tetanus shot?"): a likening word
    /// before it in the same clause, with at most <see cref="MaxLikeningGap"/> gap words between, and that word no verb
    /// ("i'd like a flu jab too").
    /// </summary>
    private bool IsOnlyLikened(string concept, string[] words, int position, bool[] clauseStarts)
    {
        if (!_likenedConcepts.Contains(concept))
        {
            return false;
        }

        for (var k = position - 1; k >= 0 && position - k <= MaxLikeningGap + 1; k--)
        {
            if (_likeningWords.Contains(words[k]))
            {
                return clauseStarts[k] || k == 0 || !_likeningNotAfter.Contains(words[k - 1]);
            }

            if (clauseStarts[k] || !_likeningGap.Contains(words[k]))
            {
                return false;
            }
        }

        return false;
    }

    private static int[] WordStarts(bool[] clauseStarts)
    {
        var starts = new List<int>(2);
        for (var i = 0; i < clauseStarts.Length; i++)
        {
            if (clauseStarts[i])
            {
                starts.Add(i);
            }
        }

        return starts.Count == 0 ? [0] : [.. starts];
    }

    /// <summary>The fewest words a message's question sentence needs to be read on its own (see <see cref="AnalyzedText.QuestionSentence"/>).</summary>
    public const int MinQuestionSentenceWords = 3;

    /// <summary>
    /// The fewest content terms it needs: with one ("what would the signs be"), it names too little to be read without
    /// the story around it.
    /// </summary>
    public const int MinQuestionSentenceTerms = 2;

    /// <summary>
    /// The fewest content terms the rest of the message needs for the question sentence to be read apart: "hi, how often
    /// do i need the shot? thanks" has no story around its question, and its one reading is enough.
    /// </summary>
    public const int MinStoryTerms = 2;

    /// <summary>
    /// The words of the last sentence that asks something by itself, in a message of several sentences (sentence marks
    /// only: "... and should i get shots" is one sentence that asks two things, read whole). Null when that sentence
    /// leans on the story before it ("what should i do about it"), is shorter than <see cref="MinQuestionSentenceWords"/>,
    /// names fewer than <see cref="MinQuestionSentenceTerms"/> terms, or has no story around it (<see cref="MinStoryTerms"/>).
    /// </summary>
    private static string? QuestionSentence(string[] words, bool[] clauseStarts, bool[] sentenceStarts, List<bool> clauseIsQuestion, List<bool> leansOnStory,
        List<int> termClause)
    {
        if (sentenceStarts.Length < 2 || Array.IndexOf(sentenceStarts, true, 1) < 0)
        {
            return null;
        }

        var clauseOfWord = new int[words.Length];
        for (int i = 0, clause = -1; i < words.Length; i++)
        {
            clause += clauseStarts[i] ? 1 : 0;
            clauseOfWord[i] = clause;
        }

        for (var end = words.Length; end > 0;)
        {
            var start = Array.LastIndexOf(sentenceStarts, true, end - 1);
            var asks = false;
            var leans = false;
            for (var c = clauseOfWord[start]; c <= clauseOfWord[end - 1]; c++)
            {
                asks |= clauseIsQuestion[c];
                leans |= leansOnStory[c];
            }

            if (asks)
            {
                var (first, last) = (clauseOfWord[start], clauseOfWord[end - 1]);
                var terms = termClause.Count(c => c >= first && c <= last);
                var storyTerms = termClause.Count - terms;
                return leans || end - start < MinQuestionSentenceWords || terms < MinQuestionSentenceTerms || storyTerms < MinStoryTerms
                    ? null
                    : string.Join(' ', words, start, end - start);
            }

            end = start;
        }

        return null;
    }

    /// <summary>
    /// For each clause, whether it points back at what was said before it ("does that affect my shots", "can i still
    /// have them") or asks nothing by itself (<paramref name="asksNothing"/>): such a question is about the story before it.
    /// A clause with an intent cue of its own asks its own question ("is it safe to get b12 shots like that").
    /// </summary>
    private List<bool> RefersBack(string[] words, bool[] clauseStarts, List<string> terms, List<int> termClause, List<bool> asksNothing)
    {
        var count = asksNothing.Count;
        var referring = new bool[count];
        var clause = -1;
        for (var i = 0; i < words.Length; i++)
        {
            clause += clauseStarts[i] ? 1 : 0;
            if (clause >= 0 && clause < count && _referringWords.Contains(words[i]))
            {
                referring[clause] = true;
            }
        }

        for (var t = 0; t < terms.Count; t++)
        {
            if (termClause[t] >= 0 && termClause[t] < count && _intentCues.Contains(terms[t]))
            {
                referring[termClause[t]] = false;
            }
        }

        return [.. Enumerable.Range(0, count).Select(c => asksNothing[c] || referring[c])];
    }

    /// <summary>For each clause, whether all its terms are open-question concepts ("what should i do", "any advice").</summary>
    private List<bool> AsksNothing(List<string> terms, List<int> termClause, int clauseCount)
    {
        var any = new bool[clauseCount];
        var allOpen = new bool[clauseCount];
        Array.Fill(allOpen, true);
        for (var t = 0; t < terms.Count; t++)
        {
            var c = termClause[t];
            if (c >= 0 && c < clauseCount)
            {
                any[c] = true;
                allOpen[c] &= _openQuestionTerms.Contains(terms[t]);
            }
        }

        return [.. Enumerable.Range(0, clauseCount).Select(c => any[c] && allOpen[c])];
    }

    /// <summary>
    /// The words of a message (normalized, no punctuation) and where its clauses start: after a sentence mark, and where
    /// "and", "also", "but", "plus" or a comma opens a new question ("... safe and how often do I need them", "i'm on b12
    /// jabs, can i take zinc").
    /// </summary>
    private (string Normalized, string[] Words, bool[] ClauseStarts, bool[] AskedWithMark, bool[] SentenceStarts, bool[] PartStarts, bool[] MarkAfter, bool[] SegmentStarts) SplitClauses(string? text)
    {
        var tokens = TextNormalizer.Tokenize(TextNormalizer.Normalize(text.AsSpan(), keepSentenceMarks: true, clauseMarks: true));
        var words = new List<string>(tokens.Length);
        var starts = new List<bool>(tokens.Length);
        var askedWithMark = new List<bool>(tokens.Length);
        var afterComma = new List<bool>(tokens.Length);
        var markBefore = true;
        var commaBefore = false;
        foreach (var token in tokens)
        {
            if (token is "." or "," or "?")
            {
                markBefore |= token is "." or "?";
                commaBefore = token == ",";
                if (token == "?" && words.Count > 0)
                {
                    askedWithMark[^1] = true;
                }

                continue;
            }

            words.Add(_texting.TryGetValue(token, out var spelled) ? spelled : token);
            starts.Add(markBefore);
            askedWithMark.Add(false);
            afterComma.Add(commaBefore);
            markBefore = false;
            commaBefore = false;
        }

        bool[] sentenceStarts = [.. starts];
        for (var i = 1; i + 1 < words.Count; i++)
        {
            // "... buy them online and do it myself?" goes on with what one would do: "and do it" opens no new question. "so"
            // before a question opens one too: "... wanna see if its b12 so can u ask me some questions".
            if (!starts[i] && words[i - 1] is "and" or "also" or "but" or "plus" or "so" && OpensQuestion(words, i) && !(words[i] == "do" && words[i + 1] == "it"))
            {
                starts[i] = true;
            }
        }

        // Asking parts: clauses cut also where a comma opens a question ("i'm on b12 jabs, can i take zinc").
        bool[] partStarts = [.. starts];
        bool[] markAfter = [.. askedWithMark];
        for (var i = 1; i + 1 < words.Count; i++)
        {
            partStarts[i] |= afterComma[i] && (OpensQuestion(words, i) || (OpensAQuestion(words[i]) && EndsWithMark(i)));

            // "my husband gets b12 jabs here - unrelated but can his statin give him achy muscles?": a question about
            // someone else's subject after "and" or "but" is a part of its own (its clause stays with the story, so the
            // words "and does she need a supplement?" add to the question before them).
            partStarts[i] |= words[i - 1] is "and" or "also" or "but" or "plus" && OpensQuestion(words, i, othersToo: true);
        }

        // "i'm on b12 jabs and i want to start the pill, which has the fewest side effects?": after a visitor's own B12
        // told first, "and" or "but" before a turn of their own opens the part that asks, so its subject is read apart; so
        // does a comma before "wondering" or "thinking" ("i'm on b12 injections, also wondering whether zinc helps with
        // acne?"), not before "i" ("i had my first b12 jab, i'm also on sertraline. what side effects from these?"). After a
        // comma "wondering" turns from B12 told without an owner too ("b12 shots at this clinic, wondering about the
        // pneumonia vaccine"), and "also" before a start of something new ("i'm on b12 jabs, also just started semaglutide
        // for weight, what side effects should i expect from that?"): the question is about the new thing.
        for (int i = 2, partStart = 0; i + 1 < words.Count; i++)
        {
            partStart = partStarts[i - 1] ? i - 1 : partStart;
            var turn = OpensOwnTurn(words[i]) ? words[i] : words[i] is "also" or "just" or "now" or "was" or "am" or "really" && OpensOwnTurn(words[i + 1]) ? words[i + 1] : null;
            var wonders = afterComma[i] && turn is "wondering" or "wonder" or "curious" or "thinking" or "considering" or "planning";
            var startsAnother = afterComma[i] && words[i] == "also" && StartsSomethingNew(words, i + 1);
            if (!partStarts[i]
                && ((turn is not null && words[i - 1] is "and" or "but") || wonders || startsAnother)
                && TellsOwnB12(words, partStart, i - 1, ownerNeeded: !wonders))
            {
                partStarts[i] = true;
                partStart = i;
            }
        }

        // "besides my b12 shots my doctor wants to start me on sertraline": the B12 told beside the news is a story of its
        // own, so what follows it is read apart (and a question pointing back at the medicine is about it).
        for (var i = 0; i + 3 < words.Count; i++)
        {
            if (sentenceStarts[i] && BesideOwnB12End(words, i) is { } end && end < words.Count && !partStarts[end])
            {
                partStarts[end] = true;
            }
        }

        // "i get b12 jabs, is melatonin safe long term?": after a comma, "is" (or "can", "does" ...) with any subject opens
        // the question when nothing but words stand between it and the question mark; a second question joined by "and"
        // goes on to the same mark ("..., is biotin good for hair growth and what dose?").
        bool EndsWithMark(int from)
        {
            for (var j = from; j < words.Count; j++)
            {
                if (askedWithMark[j])
                {
                    return true;
                }

                if (j > from && (sentenceStarts[j] || afterComma[j]))
                {
                    return false;
                }
            }

            return false;
        }

        // A clause that ends in a question mark is a question, whatever its first words ("my arm, normal?"): the flag
        // moves from its last word to its first.
        for (var i = words.Count - 1; i > 0; i--)
        {
            if (askedWithMark[i] && !starts[i])
            {
                askedWithMark[i - 1] = true;
                askedWithMark[i] = false;
            }
        }

        var segmentStarts = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            segmentStarts[i] = sentenceStarts[i] || afterComma[i];
        }

        var array = words.ToArray();
        return (string.Join(' ', array), array, [.. starts], [.. askedWithMark], sentenceStarts, partStarts, markAfter, segmentStarts);
    }

    /// <summary>
    /// Where an opening "besides my b12 shots", "as well as my b12 jabs", "apart from the b12 injections" ends (the word
    /// after the shot word, or after "b12" when no shot word follows); null when the sentence does not open so.
    /// </summary>
    private static int? BesideOwnB12End(List<string> words, int i)
    {
        var j = words[i] switch
        {
            "besides" or "beside" or "alongside" => i + 1,
            "apart" or "aside" when words[i + 1] == "from" => i + 2,
            "as" when words[i + 1] == "well" && i + 2 < words.Count && words[i + 2] == "as" => i + 3,
            "on" when words[i + 1] == "top" && i + 2 < words.Count && words[i + 2] == "of" => i + 3,
            _ => -1,
        };
        if (j < 0 || j + 1 >= words.Count)
        {
            return null;
        }

        j += words[j] is "my" or "the" or "her" or "his" or "our" ? 1 : 0;
        var b12 = B12WordEnd(words, j, words.Count);
        if (b12 < 0)
        {
            return null;
        }

        return b12 < words.Count && words[b12] is "shots" or "shot" or "jabs" or "jab" or "injections" or "injection" or "tablets" or "tabs" or "treatment"
            ? b12 + 1
            : b12;
    }

    /// <summary>A word that opens a visitor's own next turn after "and": "i want ...", "wondering if ...", "thinking of ...".</summary>
    private static bool OpensOwnTurn(string word) =>
        word is "i" or "im" or "ive" or "id" or "wondering" or "wonder" or "want" or "wanted" or "thinking" or "considering" or "planning" or "curious";

    /// <summary>Whether words [from, to) tell of the visitor's own B12 ("i'm on b12 jabs", "my b12 shots are fine") and ask nothing; with <paramref name="ownerNeeded"/> false, B12 told without an owner counts too ("b12 shots at this clinic").</summary>
    private static bool TellsOwnB12(List<string> words, int from, int to, bool ownerNeeded = true)
    {
        bool own = false, b12 = false;
        for (var j = from; j < to; j++)
        {
            if (IsQuestionWord(words[j]))
            {
                return false;
            }

            own |= words[j] is "i" or "im" or "ive" or "my" or "me";
            b12 |= B12WordEnd(words, j, to) >= 0;
        }

        return (own || !ownerNeeded) && b12;
    }

    /// <summary>Whether the words from <paramref name="at"/> tell of starting something ("just started", "recently began", "been put on").</summary>
    private static bool StartsSomethingNew(List<string> words, int at)
    {
        while (at < words.Count && words[at] is "just" or "recently" or "now" or "also" or "been")
        {
            at++;
        }

        return at < words.Count && words[at] is "started" or "starting" or "began" or "begun" or "prescribed" or "put" or "taking";
    }

    /// <summary>
    /// Where "b12" starting at word <paramref name="j"/> ends (before <paramref name="end"/>), or -1: the normalizer has
    /// split it into "b" and "12", as it does "b-12" and "b 12".
    /// </summary>
    private static int B12WordEnd(List<string> words, int j, int end) =>
        j + 1 < end && words[j] == "b" && words[j + 1] == "12" ? j + 2 : -1;

    /// <summary>
    /// Whether word <paramref name="i"/> opens a question: a question word, or a verb before its subject; with
    /// <paramref name="othersToo"/>, also someone else's ("... but can his statin give him achy muscles?", asked by a carer).
    /// </summary>
    private static bool OpensQuestion(List<string> words, int i, bool othersToo = false) =>
        IsQuestionWord(words[i])
        || (words[i] is "is" or "are" or "can" or "could" or "should" or "will" or "would" or "do" or "does" or "did"
            && i + 1 < words.Count && (words[i + 1] is "i" or "it" or "its" or "that" or "they" or "there" or "you" or "we" or "my" or "b" or "the" or "these" or "this" or "those"
                || (othersToo && words[i + 1] is "he" or "she" or "his" or "her" or "your" or "our" or "their")));

    /// <summary>
    /// Whether a clause starting with <paramref name="word"/> reads as a question ("should ...", "how ...", "do ..."),
    /// not a request ("check ...", "walk me ...").
    /// </summary>
    public static bool OpensAQuestion(string word) =>
        IsQuestionWord(word) || word is "is" or "are" or "am" or "can" or "could" or "should" or "will" or "would" or "do" or "does" or "did" or "may" or "must" or "r";

    /// <summary>"how", "what", "why", "when", "where", "which", "who" (and run-together forms).</summary>
    public static bool IsQuestionWord(string word) =>
        word is "how" or "hows" or "what" or "whats" or "why" or "when" or "where" or "which" or "who" or "whos";

    /// <summary>
    /// For each asking part, whether it asks plainly: it ends in a question mark, or opens as a question or a request. A
    /// question word deep inside a statement ("i take it when i need it", "not sure what is in these") does not ask.
    /// </summary>
    private static List<bool> PartsAsk(string[] words, bool[] partStarts, bool[] markAfter)
    {
        var asks = new List<bool>(2);
        for (var start = 0; start < words.Length;)
        {
            var end = start + 1;
            while (end < words.Length && !partStarts[end])
            {
                end++;
            }

            var wonders = false;
            for (var i = start; i < end; i++)
            {
                wonders |= words[i] is "wonder" or "wondering" or "curious";
            }

            asks.Add(markAfter[end - 1] || wonders || OpensAsQuestion(words, start, partStarts));
            start = end;
        }

        return asks;
    }

    /// <summary>
    /// For each asking part, whether a referring word in it stands for something told before: it ends the part, or the
    /// next word is a stop word or no B12 topic ("take those exactly"). Before a topic word it goes with that word
    /// ("these side effects", "still sore"), and the part names its own subject.
    /// </summary>
    private List<bool> PartsPointBack(string[] words, bool[] partStarts, List<string> terms, int[] termAt)
    {
        var points = new List<bool>(2);
        for (var i = 0; i < words.Length; i++)
        {
            if (partStarts[i])
            {
                points.Add(false);
            }

            if (points.Count == 0)
            {
                continue;
            }

            if (IsPossessivePointer(words, i, partStarts, terms, termAt))
            {
                points[^1] = true;
                continue;
            }

            // "which one has the fewest side effects?" picks among what was told.
            if (words[i] is "one" or "ones" && i > 0 && words[i - 1] == "which")
            {
                points[^1] = true;
                continue;
            }

            // "its" that owns nothing is "it's" ("how its diagnosed"): it stands for what was told, as "it" does.
            if (!_referringWords.Contains(words[i]) && words[i] != "its")
            {
                continue;
            }

            // Before a participle the word is the thing itself ("can i get that prescribed", "have them checked").
            var next = i + 1;
            var bare = next >= words.Length || partStarts[next] || termAt[next] < 0 || !_topicTerms.Contains(terms[termAt[next]]) || IsParticiple(words[next]);
            points[^1] |= bare;
        }

        return points;
    }

    /// <summary>
    /// Whether word <paramref name="i"/> stands for what was told as its owner: "their", or "its" before a B12 topic
    /// word, right after it or after one other word ("what are its side effects", "its common side effects"). Written
    /// without its apostrophe, "it's" is also "its": "its that high", "its so low" and "its low" do not own anything.
    /// </summary>
    private bool IsPossessivePointer(string[] words, int i, bool[] partStarts, List<string> terms, int[] termAt)
    {
        if (words[i] == "their")
        {
            return true;
        }

        if (words[i] != "its")
        {
            return false;
        }

        for (var next = i + 1; next <= i + 2 && next < words.Length && !partStarts[next] && termAt[next] >= 0; next++)
        {
            if (_topicTerms.Contains(terms[termAt[next]]) && terms[termAt[next]] != "deficiency")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For each asking part, whether it points back with "its" or "their" (see <see cref="AskingParts.Owns"/>).</summary>
    private List<bool> PartsOwn(string[] words, bool[] partStarts, List<string> terms, int[] termAt)
    {
        var owns = new List<bool>(2);
        for (var i = 0; i < words.Length; i++)
        {
            if (partStarts[i])
            {
                owns.Add(false);
            }

            if (owns.Count > 0 && IsPossessivePointer(words, i, partStarts, terms, termAt))
            {
                owns[^1] = true;
            }
        }

        return owns;
    }

    /// <summary>A past participle ("prescribed", "checked", "tested"); short words ending in "ed" ("red", "bed") are not.</summary>
    private static bool IsParticiple(string word) => word.Length >= 6 && word.EndsWith("ed", StringComparison.Ordinal);

    /// <summary>For each asking part, the clause it belongs to.</summary>
    private static List<int> PartClauses(bool[] clauseStarts, bool[] partStarts)
    {
        var clauses = new List<int>(2);
        for (int i = 0, clause = -1; i < clauseStarts.Length; i++)
        {
            clause += clauseStarts[i] ? 1 : 0;
            if (partStarts[i])
            {
                clauses.Add(clause);
            }
        }

        return clauses;
    }

    private static int PartOf(bool[] partStarts, int position)
    {
        var part = -1;
        for (var i = 0; i <= position; i++)
        {
            part += partStarts[i] ? 1 : 0;
        }

        return part;
    }

    private static bool IsQuestionClause(string[] words, int start, bool[] clauseStarts)
    {
        if (OpensAsQuestion(words, start, clauseStarts))
        {
            return true;
        }

        for (var i = start; i < words.Length && (i == start || !clauseStarts[i]); i++)
        {
            if (IsQuestionWord(words[i]) || words[i] is "wonder" or "wondering" or "curious" or "question")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"i would really like to know how ...": the wish to know opens a part within this many words.</summary>
    private const int MaxWordsBeforeWishToKnow = 5;

    /// <summary>Whether a clause's first word (after fillers) opens a question ("is", "can", "any" ...) or a request ("walk me").</summary>
    private static bool OpensAsQuestion(string[] words, int start, bool[] clauseStarts)
    {
        var first = start;
        while (first < words.Length && (first == start || !clauseStarts[first])
               && words[first] is "so" or "ok" or "okay" or "and" or "but" or "also" or "hi" or "hey" or "hello" or "well" or "um" or "then" or "plus" or "just" or "please" or "oh")
        {
            first++;
        }

        if (first < words.Length && (first == start || !clauseStarts[first])
            && words[first] is "is" or "are" or "am" or "can" or "could" or "should" or "will" or "would" or "do" or "does" or "did" or "may" or "must" or "any" or "r")
        {
            return true;
        }

        // A request asks as much as a question does: "walk me through it", "check me", "tell me if i need b12".
        if (first + 1 < words.Length && (first == start || !clauseStarts[first])
            && words[first] is "walk" or "take" or "help" or "tell" or "show" or "talk" or "check" or "ask" or "guide" or "explain"
            && words[first + 1] is "me" or "us")
        {
            return true;
        }

        // "at what age ...", "for how long ...", "in which arm ...": a preposition before the question word still asks.
        if (first + 1 < words.Length && (first == start || !clauseStarts[first])
            && words[first] is "at" or "for" or "in" or "from" or "by" or "on" or "to" or "of" or "with" && IsQuestionWord(words[first + 1]))
        {
            return true;
        }

        if (first < words.Length && (first == start || !clauseStarts[first]) && IsQuestionWord(words[first]))
        {
            return true;
        }

        // "i need to know how much you charge for ...", "id like to know if ...": a question asked as a wish to know.
        for (var i = first + 2; i + 1 < words.Length && i <= first + MaxWordsBeforeWishToKnow && (i == start || !clauseStarts[i]); i++)
        {
            if (words[i] == "know" && words[i - 1] == "to" && (IsQuestionWord(words[i + 1]) || words[i + 1] is "if" or "whether"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The distinct terms of a content phrase (no typo correction: content is spelt as written).</summary>
    public string[] TermsOf(string text)
    {
        var terms = Analyze(text, correctTypos: false).Terms;
        return [.. new HashSet<string>(terms, StringComparer.Ordinal)];
    }

    private void AddVariant(string variant, string concept, List<(string, int)> vocabulary)
    {
        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(variant));
        if (words.Length == 0)
        {
            return;
        }

        foreach (var word in words)
        {
            vocabulary.Add((word, 3));
        }

        if (words.Length == 1)
        {
            _singleWordConcepts.TryAdd(words[0], concept);
            _singleWordConcepts.TryAdd(LightStemmer.Stem(words[0]), concept);
            if (words[0].Length < LightStemmer.MinStemmedLength)
            {
                _shortWords.Add(words[0]);
            }

            return;
        }

        var stems = new string[Math.Min(words.Length, MaxPhraseWords)];
        for (var i = 0; i < stems.Length; i++)
        {
            stems[i] = LightStemmer.Stem(words[i]);
        }

        if (!_phrasesByFirstStem.TryGetValue(stems[0], out var list))
        {
            list = [];
            _phrasesByFirstStem[stems[0]] = list;
        }

        list.Add((stems, concept));
    }

    private bool TryMatchPhrase(string[] stems, int position, bool[] clauseStarts, out string concept, out int length)
    {
        if (_phrasesByFirstStem.TryGetValue(stems[position], out var candidates))
        {
            foreach (var (phrase, phraseConcept) in candidates)
            {
                if (position + phrase.Length > stems.Length)
                {
                    continue;
                }

                var matches = true;
                for (var i = 1; i < phrase.Length; i++)
                {
                    if (clauseStarts[position + i] || !string.Equals(stems[position + i], phrase[i], StringComparison.Ordinal))
                    {
                        matches = false;
                        break;
                    }
                }

                if (matches)
                {
                    concept = phraseConcept;
                    length = phrase.Length;
                    return true;
                }
            }
        }

        concept = "";
        length = 0;
        return false;
    }

    private static bool AnyCorrected(bool[] corrected, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (corrected[i])
            {
                return true;
            }
        }

        return false;
    }
}
