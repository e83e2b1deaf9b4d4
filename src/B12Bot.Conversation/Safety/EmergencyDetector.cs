using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// Screens a message for a possible anaphylaxis (or other emergency) description, using the word classes and signs
/// of dialogs/safety.yaml. A sign is words of given classes close together in one sentence ("trouble" + "breathing",
/// "throat" + "swelling"); it is set aside only when clearly negated ("no trouble breathing"), clearly a question about
/// the topic ("can B12 cause anaphylaxis?") or clearly history ("anaphylaxis years ago"). When in doubt it fires.
/// Built once; <see cref="Detect"/> is thread-safe.
/// </summary>
public sealed class EmergencyDetector
{
    private const string SentenceMark = ".";
    private const string CommaMark = ",";

    private readonly IReadOnlyList<EmergencySign> _signs;
    private readonly int[][] _signClasses;
    private readonly int[][] _signUnless;
    private readonly Dictionary<string, List<(string[] Words, int[] Classes)>> _phrasesByFirstWord = new(StringComparer.Ordinal);
    private readonly int _negator;
    private readonly int _negationBreak;
    private readonly int _sentenceBreak;
    private readonly int _frame;
    private readonly int _firstPerson;
    private readonly int _urgency;
    private readonly int _history;
    private readonly int _distantPast;
    private readonly HashSet<string> _openers;
    private readonly int _negationWindow;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Func<string, bool>? _isGeneralWord;
    private readonly TypoCorrector _corrector;
    private readonly TypoCorrector _phoneticCorrector;
    private readonly Dictionary<string, string> _wordByPhoneticKey = new(StringComparer.Ordinal);

    /// <param name="rules">The safety content.</param>
    /// <param name="isGeneralWord">
    /// Tells whether a word is an ordinary word of the bot's vocabulary; such words are never "corrected" into a sign word.
    /// </param>
    public EmergencyDetector(SafetyRules rules, Func<string, bool>? isGeneralWord = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _signs = rules.Signs;
        _negationWindow = rules.NegationWindow;
        _isGeneralWord = isGeneralWord;
        var classIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var phraseClasses = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var signWords = new List<(string, int)>();

        int AddClass(string name, IEnumerable<string> phrases, bool isSignClass)
        {
            var id = classIds.Count;
            classIds[name] = id;
            foreach (var phrase in phrases)
            {
                var normalized = TextNormalizer.Normalize(phrase);
                if (normalized.Length == 0)
                {
                    continue;
                }

                if (!phraseClasses.TryGetValue(normalized, out var set))
                {
                    set = [];
                    phraseClasses[normalized] = set;
                }

                set.Add(id);
                foreach (var word in TextNormalizer.Tokenize(normalized))
                {
                    _known.Add(word);
                    if (isSignClass && word.Length >= 4)
                    {
                        signWords.Add((word, 1));
                    }
                }
            }

            return id;
        }

        foreach (var (name, phrases) in rules.WordClasses)
        {
            AddClass(name, phrases, isSignClass: true);
        }

        _negator = AddClass("@negator", rules.Negators, false);
        _negationBreak = AddClass("@negation_break", rules.NegationBreaks, false);
        _sentenceBreak = AddClass("@sentence_break", rules.SentenceBreaks, false);
        _frame = AddClass("@frame", rules.QuestionFrames, false);
        _firstPerson = AddClass("@first_person", rules.FirstPerson, false);
        _urgency = AddClass("@urgency", rules.Urgency, false);
        _history = AddClass("@history", rules.HistoryMarkers, false);
        _distantPast = AddClass("@distant_past", rules.DistantPastMarkers, false);
        _openers = new HashSet<string>(rules.QuestionOpeners.Select(TextNormalizer.Normalize), StringComparer.Ordinal);
        foreach (var word in rules.KnownWords)
        {
            _known.Add(TextNormalizer.Normalize(word));
        }

        foreach (var (phrase, classes) in phraseClasses)
        {
            var words = TextNormalizer.Tokenize(phrase);
            if (!_phrasesByFirstWord.TryGetValue(words[0], out var list))
            {
                list = [];
                _phrasesByFirstWord[words[0]] = list;
            }

            list.Add((words, [.. classes]));
        }

        _signClasses = [.. _signs.Select(s => s.All.Select(c => classIds[c]).ToArray())];
        _signUnless = [.. _signs.Select(s => s.Unless.Select(c => classIds[c]).ToArray())];

        _corrector = new TypoCorrector(signWords) { MinimumLength = 4, TwoEditLength = 8 };
        var phoneticWords = new List<(string, int)>();
        foreach (var (word, _) in signWords)
        {
            var key = PhoneticKey.Of(word);
            if (_wordByPhoneticKey.TryAdd(key, word))
            {
                phoneticWords.Add((key, 1));
            }
        }

        _phoneticCorrector = new TypoCorrector(phoneticWords) { MinimumLength = 4, TwoEditLength = 8 };
    }

    public bool IsEmergency(string? text) => Detect(text).IsEmergency;

    public EmergencyScreenResult Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return EmergencyScreenResult.None;
        }

        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(text.AsSpan(), keepSentenceMarks: true, TextNormalizer.MaxScreenedLength));
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = CorrectTowardsSignWord(words[i]);
        }

        var occurrences = FindOccurrences(words);
        var urgent = occurrences.Exists(o => o.Class == _urgency);

        // Sentences: split at sentence marks and at sentence-break words ("but", "however").
        var start = 0;
        for (var i = 0; i <= words.Length; i++)
        {
            var isBreak = i == words.Length || words[i] == SentenceMark || occurrences.Exists(o => o.Start == i && o.Class == _sentenceBreak);
            if (!isBreak)
            {
                continue;
            }

            if (i > start && CheckSentence(words, occurrences, start, i, urgent) is { } sign)
            {
                return new EmergencyScreenResult(true, sign);
            }

            start = i + 1;
        }

        return EmergencyScreenResult.None;
    }

    private string CorrectTowardsSignWord(string word)
    {
        if (word.Length < 4 || _known.Contains(word) || (_isGeneralWord?.Invoke(word) ?? false))
        {
            return word;
        }

        if (_corrector.Correct(word) is { } corrected)
        {
            return corrected;
        }

        return _phoneticCorrector.Correct(PhoneticKey.Of(word)) is { } key && _wordByPhoneticKey.TryGetValue(key, out var original)
            ? original
            : _wordByPhoneticKey.GetValueOrDefault(PhoneticKey.Of(word), word);
    }

    private List<Occurrence> FindOccurrences(string[] words)
    {
        var occurrences = new List<Occurrence>();
        for (var i = 0; i < words.Length; i++)
        {
            if (!_phrasesByFirstWord.TryGetValue(words[i], out var candidates))
            {
                continue;
            }

            foreach (var (phrase, classes) in candidates)
            {
                if (i + phrase.Length > words.Length)
                {
                    continue;
                }

                var matches = true;
                for (var k = 1; k < phrase.Length; k++)
                {
                    if (!string.Equals(words[i + k], phrase[k], StringComparison.Ordinal))
                    {
                        matches = false;
                        break;
                    }
                }

                if (matches)
                {
                    foreach (var cls in classes)
                    {
                        occurrences.Add(new Occurrence(cls, i, i + phrase.Length));
                    }
                }
            }
        }

        return occurrences;
    }

    private string? CheckSentence(string[] words, List<Occurrence> all, int from, int to, bool urgent)
    {
        var inSentence = all.FindAll(o => o.Start >= from && o.End <= to);
        if (inSentence.Count == 0)
        {
            return null;
        }

        var hasFirstPerson = inSentence.Exists(o => o.Class == _firstPerson);
        var opensAsQuestion = _openers.Contains(words[from]);
        var isHistory = inSentence.Exists(o => o.Class == _history);
        var isDistantPast = inSentence.Exists(o => o.Class == _distantPast);
        for (var s = 0; s < _signs.Count; s++)
        {
            var sign = _signs[s];
            if (Array.Exists(_signUnless[s], u => inSentence.Exists(o => o.Class == u)))
            {
                continue;
            }

            if (!urgent && (isDistantPast || (sign.HistorySensitive && isHistory)))
            {
                continue;
            }

            var classes = _signClasses[s];
            var chosen = new Occurrence[classes.Length];
            if (FindCombination(words, inSentence, sign, classes, chosen, 0, from, to, urgent, hasFirstPerson, opensAsQuestion))
            {
                return sign.Id;
            }
        }

        return null;
    }

    /// <summary>Tries every combination of one occurrence per class; true if one is close enough and not set aside.</summary>
    private bool FindCombination(string[] words, List<Occurrence> inSentence, EmergencySign sign, int[] classes, Occurrence[] chosen, int index,
        int from, int to, bool urgent, bool hasFirstPerson, bool opensAsQuestion)
    {
        if (index == classes.Length)
        {
            var first = int.MaxValue;
            var last = int.MinValue;
            foreach (var o in chosen)
            {
                first = Math.Min(first, o.Start);
                last = Math.Max(last, o.Start);
            }

            if (last - first > sign.Window)
            {
                return false;
            }

            if (IsNegated(words, inSentence, chosen, from))
            {
                return false;
            }

            // "Can not breathe" opens with "can", but that word is the sign itself, not a question.
            if (!urgent && IsQuestionAbout(inSentence, first, hasFirstPerson, opensAsQuestion && !InsideAny(chosen, from)))
            {
                return false;
            }

            return true;
        }

        foreach (var occurrence in inSentence)
        {
            if (occurrence.Class != classes[index])
            {
                continue;
            }

            if (index > 0 && sign.Ordered && occurrence.Start <= chosen[index - 1].Start)
            {
                continue;
            }

            var clash = false;
            for (var k = 0; k < index; k++)
            {
                clash |= Overlaps(chosen[k], occurrence);
            }

            if (clash)
            {
                continue;
            }

            chosen[index] = occurrence;
            if (FindCombination(words, inSentence, sign, classes, chosen, index + 1, from, to, urgent, hasFirstPerson, opensAsQuestion))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A negator shortly before the sign's words, or between them, with no clause break ("," "and" "but") between it and
    /// the next sign word: "no trouble breathing", "throat is not swollen". Words of the sign itself ("can't", "not
    /// breathing") never count as negators.
    /// </summary>
    private bool IsNegated(string[] words, List<Occurrence> inSentence, Occurrence[] chosen, int from)
    {
        var first = int.MaxValue;
        var last = int.MinValue;
        foreach (var o in chosen)
        {
            first = Math.Min(first, o.Start);
            last = Math.Max(last, o.End);
        }

        // "no hives or wheezing": a list joined by "or"/"nor" carries the negation a little further.
        var reach = _negationWindow + (HasListJoiner(words, Math.Max(from, first - _negationWindow - 2), first) ? 2 : 0);
        for (var j = Math.Max(from, first - reach); j < last; j++)
        {
            if (InsideAny(chosen, j) || !inSentence.Exists(o => o.Start == j && o.Class == _negator && !InsideAny(chosen, o)))
            {
                continue;
            }

            var nextCue = int.MaxValue;
            foreach (var o in chosen)
            {
                if (o.Start > j)
                {
                    nextCue = Math.Min(nextCue, o.Start);
                }
            }

            if (nextCue == int.MaxValue)
            {
                continue;
            }

            var broken = false;
            for (var k = j + 1; k < nextCue && !broken; k++)
            {
                broken = words[k] == CommaMark || inSentence.Exists(o => o.Start == k && o.Class == _negationBreak);
            }

            if (!broken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Can B12 cause anaphylaxis?", "what are the signs of swelling": a question frame before the sign, or a sentence
    /// that opens as a question and is about nobody in particular.
    /// </summary>
    private bool IsQuestionAbout(List<Occurrence> inSentence, int signStart, bool hasFirstPerson, bool opensAsQuestion)
    {
        if (inSentence.Exists(o => o.Class == _frame && o.End <= signStart))
        {
            return true;
        }

        return opensAsQuestion && !hasFirstPerson;
    }

    private static bool HasListJoiner(string[] words, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (words[k] is "or" or "nor")
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideAny(Occurrence[] chosen, int position)
    {
        foreach (var o in chosen)
        {
            if (position >= o.Start && position < o.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideAny(Occurrence[] chosen, Occurrence other)
    {
        foreach (var o in chosen)
        {
            if (Overlaps(o, other))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(Occurrence a, Occurrence b) => a.Start < b.End && b.Start < a.End;

    private readonly record struct Occurrence(int Class, int Start, int End);
}
