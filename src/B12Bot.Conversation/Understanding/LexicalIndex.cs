using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The words of every intent, indexed once at start: each term's inverse document frequency, how strongly each intent
/// is about it (keyword > title > phrasings > answer text), and which single phrasings contain it.
/// </summary>
public sealed class LexicalIndex
{
    private const double KeywordStrength = 1.0;
    private const double TitleStrength = 0.9;
    private const double AnswerStrength = 0.3;
    private const double IntentCueFactor = 1.5;

    /// <summary>Words that only ever appear in answer text (never in a phrasing, keyword or title) are incidental.</summary>
    private const double AnswerOnlyTermFactor = 0.5;

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);

    public LexicalIndex(IntentCatalog catalog, LanguageResources language, TermAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(language);
        Analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        IntentCount = catalog.Count;
        WalkthroughIntent = catalog.IndexOf(Intent.WalkthroughId);
        var docTerms = new List<Dictionary<string, double>>(IntentCount);
        var phrasings = new List<(int Intent, string[] Terms)>();
        for (var d = 0; d < IntentCount; d++)
        {
            var intent = catalog.Intents[d];
            var strengths = new Dictionary<string, double>(StringComparer.Ordinal);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var question in intent.Phrasings)
            {
                var terms = analyzer.TermsOf(question);
                phrasings.Add((d, terms));
                foreach (var term in terms)
                {
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }
            }

            var titleTerms = analyzer.TermsOf(intent.Title);
            phrasings.Add((d, titleTerms));
            foreach (var (term, count) in counts)
            {
                // A term in many phrasings is core to the intent; one in a single phrasing may be incidental.
                Raise(strengths, term, 0.6 + (0.3 * Math.Min(1.0, count / 3.0)));
            }

            foreach (var term in titleTerms)
            {
                Raise(strengths, term, TitleStrength);
            }

            foreach (var keyword in intent.Keywords)
            {
                foreach (var term in analyzer.TermsOf(keyword))
                {
                    Raise(strengths, term, KeywordStrength);
                }
            }

            if (intent.AnswerText is { } answer)
            {
                foreach (var term in analyzer.TermsOf(answer))
                {
                    Raise(strengths, term, AnswerStrength);
                }
            }

            docTerms.Add(strengths);
        }

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

        Idf = new double[_termIds.Count];
        for (var id = 0; id < Idf.Length; id++)
        {
            Idf[id] = Math.Log((IntentCount + 1.0) / (documentFrequency[id] + 0.5));
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
                Idf[id] *= AnswerOnlyTermFactor;
            }
        }

        foreach (var cue in language.IntentCues)
        {
            if (_termIds.TryGetValue(cue, out var id))
            {
                Idf[id] *= IntentCueFactor;
            }
        }

        var docPostings = new List<(int, double)>[_termIds.Count];
        for (var d = 0; d < IntentCount; d++)
        {
            foreach (var (term, strength) in docTerms[d])
            {
                (docPostings[_termIds[term]] ??= []).Add((d, strength));
            }
        }

        IntentPostings = Array.ConvertAll(docPostings, list => list?.ToArray() ?? []);

        var phrasingPostings = new List<int>[_termIds.Count];
        PhrasingIntent = new int[phrasings.Count];
        PhrasingWeight = new double[phrasings.Count];
        for (var p = 0; p < phrasings.Count; p++)
        {
            PhrasingIntent[p] = phrasings[p].Intent;
            foreach (var term in phrasings[p].Terms)
            {
                var id = _termIds[term];
                (phrasingPostings[id] ??= []).Add(p);
                PhrasingWeight[p] += Idf[id];
            }
        }

        PhrasingPostings = Array.ConvertAll(phrasingPostings, list => list?.ToArray() ?? []);
        IsTopicTerm = MarkTerms(language.TopicWords, analyzer);
        IsAnchorTerm = MarkTerms(language.AnchorWords, analyzer);
        foreach (var foreign in language.ForeignWords)
        {
            ForeignTerms.Add(foreign); // the concept is the term (its name is no phrase: "other_medicine" is not "other medicines")
        }

        foreach (var finding in language.FindingWords)
        {
            FindingTerms.Add(finding);
        }

        NeighbourTerms.UnionWith(language.NeighbourWords);
        NeighbourConditionTerms.UnionWith(language.NeighbourConditions);
        SignTerms.UnionWith(language.SignWords);
        NeighbourMedicineTerms.UnionWith(language.NeighbourMedicines);
        MedicineQuestionTerms.UnionWith(language.MedicineQuestionWords);
        CombiningTerms.UnionWith(language.CombiningWords);
        CombiningSequences = [.. language.CombiningPhrases.Select(analyzer.TermsOf).Where(terms => terms.Length > 0)];
        B12SetAsideTerms.UnionWith(language.B12SetAsideWords);
        StorySymptomTerms.UnionWith(language.StorySymptomWords);
        RequestTerms.UnionWith(language.RequestWords);

        // A subject an answer's title names ("Shot with a cold or a vaccine") is one the content speaks about; a word that
        // judges ("Can I stop once levels are normal?") is none.
        var verdicts = language.VerdictWords.SelectMany(analyzer.TermsOf).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Intents.Count; i++)
        {
            var intent = catalog.Intents[i];
            var titleTerms = analyzer.TermsOf(intent.Title);
            foreach (var covered in titleTerms.Where(ForeignTerms.Contains))
            {
                CoveredForeignTerms.Add(covered);
                (IntentsNamingCovered.TryGetValue(covered, out var naming) ? naming : IntentsNamingCovered[covered] = []).Add(i);
            }

            SubjectTerms.UnionWith(titleTerms.Where(t => !language.IntentCues.Contains(t, StringComparer.Ordinal) && !verdicts.Contains(t)));
        }

        var b12Phrases = new HashSet<string>(StringComparer.Ordinal);
        var ownPhrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in language.B12Words)
        {
            var isShot = language.ShotWords.Contains(word, StringComparer.Ordinal);
            var terms = analyzer.TermsOf(word);
            B12Terms.UnionWith(terms);
            var phrases = new HashSet<string>(StringComparer.Ordinal) { $" {TextNormalizer.Normalize(word)} " };
            if (language.Synonyms.TryGetValue(word, out var variants))
            {
                phrases.UnionWith(variants.Select(v => $" {TextNormalizer.Normalize(v)} "));
            }

            b12Phrases.UnionWith(phrases);
            if (!isShot)
            {
                B12OwnTerms.UnionWith(terms);
                ownPhrases.UnionWith(phrases);
            }
        }

        B12Phrases = [.. b12Phrases];
        B12OwnPhrases = [.. ownPhrases];
        B12SetAsidePhrases = [.. language.B12SetAsideWords
            .SelectMany(w => language.Synonyms.TryGetValue(w, out var v) ? v : [])
            .Select(v => $" {TextNormalizer.Normalize(v)} ")
            .OrderByDescending(p => p.Length)];

        // Concepts some of whose phrases carry a B12 word ("low b12" is "deficiency").
        foreach (var (concept, variants) in language.Synonyms)
        {
            if (variants.Any(v => B12Phrases.Any(($" {TextNormalizer.Normalize(v)} ").Contains)))
            {
                CarriesB12Terms.Add(concept);
            }
        }
    }

    public TermAnalyzer Analyzer { get; }

    public int IntentCount { get; }

    /// <summary>The walkthrough start's intent number (-1: the content has none).</summary>
    public int WalkthroughIntent { get; }

    public double[] Idf { get; }

    /// <summary>Per term id: the intents that use it and how strongly.</summary>
    public (int Intent, double Strength)[][] IntentPostings { get; }

    /// <summary>Per term id: the phrasings (and titles) that contain it.</summary>
    public int[][] PhrasingPostings { get; }

    public int[] PhrasingIntent { get; }

    public double[] PhrasingWeight { get; }

    public bool[] IsTopicTerm { get; }

    public bool[] IsAnchorTerm { get; }

    /// <summary>Concepts that name another medicine, vitamin or condition (language.yaml foreign_words).</summary>
    public HashSet<string> ForeignTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>The foreign terms that name a finding: another test's result or another condition (language.yaml finding_words).</summary>
    public HashSet<string> FindingTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Concepts the content speaks of only beside B12 (language.yaml neighbour_words).</summary>
    public HashSet<string> NeighbourTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Conditions the content names only as another cause (language.yaml neighbour_conditions).</summary>
    public HashSet<string> NeighbourConditionTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Medicines the content names only as causes of low B12 (language.yaml neighbour_medicines).</summary>
    public HashSet<string> NeighbourMedicineTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Concepts that ask about a medicine itself (language.yaml medicine_question_words).</summary>
    public HashSet<string> MedicineQuestionTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Concepts that ask for a condition's signs (language.yaml sign_words).</summary>
    public HashSet<string> SignTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Concepts that set B12 aside (language.yaml b12_set_aside_words).</summary>
    public HashSet<string> B12SetAsideTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Concepts that ask about having something with the shot (language.yaml combining_words).</summary>
    public HashSet<string> CombiningTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>For each foreign term an answer's title names (a vaccine), the intents whose title names it.</summary>
    public Dictionary<string, HashSet<int>> IntentsNamingCovered { get; } = new(StringComparer.Ordinal);

    /// <summary>The terms of language.yaml's combining_phrases, each read in a row within one asking part.</summary>
    public string[][] CombiningSequences { get; }

    /// <summary>Symptoms that, told in a story, may be what the answer must be about (language.yaml story_symptom_words).</summary>
    public HashSet<string> StorySymptomTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Concepts that ask for the walkthrough itself (language.yaml request_words).</summary>
    public HashSet<string> RequestTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>The foreign terms an answer's title names: subjects the content speaks about beside B12 (a vaccine).</summary>
    public HashSet<string> CoveredForeignTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The terms of the answers' titles, less the intent cues: the subjects the content is about ("arm", "alcohol",
    /// "heart"), not the kind of answer wanted ("how long", "before").
    /// </summary>
    public HashSet<string> SubjectTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Terms that make B12 itself the subject (language.yaml b12_words).</summary>
    public HashSet<string> B12Terms { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The b12_words concepts as written (normalized, padded with spaces): " b 12 ", " jab ", " cyanocobalamin ", so a
    /// message names B12 even where a longer phrase carries it into another concept ("low b12" is "deficiency").
    /// </summary>
    public string[] B12Phrases { get; }

    /// <summary>Concepts one of whose phrases carries a B12 word ("low b12" is "deficiency"): they may name B12 in a message.</summary>
    public HashSet<string> CarriesB12Terms { get; } = new(StringComparer.Ordinal);

    /// <summary>The b12_words that are not shot_words: they name B12 itself, not any shot (terms, then phrases as written).</summary>
    public HashSet<string> B12OwnTerms { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc cref="B12OwnTerms"/>
    public string[] B12OwnPhrases { get; }

    /// <summary>The normalized variants of the set-aside concepts (" b 12 aside "), longest first.</summary>
    public string[] B12SetAsidePhrases { get; }

    public bool TryGetTermId(string term, out int id) => _termIds.TryGetValue(term, out id);

    private bool[] MarkTerms(IEnumerable<string> words, TermAnalyzer analyzer)
    {
        var marks = new bool[_termIds.Count];
        foreach (var word in words)
        {
            foreach (var term in analyzer.TermsOf(word))
            {
                if (_termIds.TryGetValue(term, out var id))
                {
                    marks[id] = true;
                }
            }
        }

        return marks;
    }

    private static void Raise(Dictionary<string, double> strengths, string term, double strength)
    {
        if (!strengths.TryGetValue(term, out var current) || current < strength)
        {
            strengths[term] = strength;
        }
    }

    /// <summary>Every text whose words the analyzer should know (typos are corrected towards them).</summary>
    public static IEnumerable<string> VocabularyTexts(B12Content content)
    {
        ArgumentNullException.ThrowIfNull(content);
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
