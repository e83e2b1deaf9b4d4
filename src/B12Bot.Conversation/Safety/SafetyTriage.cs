using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// Reads a message before any other understanding and decides its <see cref="TriageClass"/> with the signs of
/// dialogs/safety.yaml: a sign is words of given classes close together in one sentence ("trouble" + "breathing",
/// "kid" + "swallowed" + "pills"). A sign is set aside only when clearly negated ("no trouble breathing"), clearly a
/// question about the topic ("can b12 cause anaphylaxis?"), clearly history ("hives once as a kid") or, for some signs,
/// a long-standing symptom asked about as possible deficiency ("short of breath on stairs, is that low b12?"). When in
/// doubt it fires.
/// <para>
/// Its cost is linear in the input and bounded: it reads at most <see cref="TextBudget"/> characters of the text and
/// <see cref="TotalBudget"/> in all with the card's value strings (a long string's start and end), normalises and
/// tokenises once, finds phrases through a word trie (<see cref="PhraseTrie"/>), and only pairs words within a sign's
/// window. Built once at start; <see cref="Screen(string?, JsonElement?)"/> is thread-safe.
/// </para>
/// </summary>
public sealed class SafetyTriage
{
    /// <summary>Characters of the message text read (its start and its end when it is longer).</summary>
    public const int TextBudget = 12_000;

    /// <summary>Characters read in all: the text, then card value strings until this is spent.</summary>
    public const int TotalBudget = 16_000;

    /// <summary>Card value strings read at most, and how deep into nested objects and arrays.</summary>
    public const int MaxValueStrings = 64;

    public const int MaxValueDepth = 8;

    /// <summary>Longer "words" are noise (pasted data), never a misspelt sign word.</summary>
    private const int MaxCorrectedWordLength = 30;

    private const string SentenceMark = ".";
    private const string CommaMark = ",";

    // Digits in a message match these stand-ins for {number} (2 or more), {many} (10 or more) and {year} (1950 to 2099)
    // in content phrases.
    private const string NumberWord = "qqnumberqq";
    private const string ManyWord = "qqmanyqq";
    private const string YearWord = "qqyearqq";
    private const string VitaminLetter = "b";

    private readonly LearnedSafetyReading? _crisisModel;
    private readonly LearnedSafetyReading? _emergencyModel;
    private readonly SafetySign[] _signs;
    private readonly int[][] _signClasses;
    private readonly int[][] _signUnless;
    private readonly int[][] _signUnlessNearer;
    private readonly int[][] _signReportedBy;
    private readonly int[][] _signNotInQuestions;
    private readonly int[][] _signUnlessInMessage;
    private readonly int[][] _signUnlessTogether;
    private readonly bool _anyAcrossSentences;
    private readonly HashSet<string> _listJoiners;
    private readonly HashSet<string> _listFillers;
    private readonly PhraseTrie _phrases;
    private readonly int _classCount;
    private readonly int _negator;
    private readonly int _exclamation;
    private readonly int _negationBreak;
    private readonly int _sentenceBreak;
    private readonly int _frame;
    private readonly int _firstPerson;
    private readonly int _urgency;
    private readonly int _history;
    private readonly int _distantPast;
    private readonly int _longStanding;
    private readonly int _duration;
    private readonly int _deficiency;
    private readonly int _wordClassCount;
    private readonly int _acute;
    private readonly int _present;
    private readonly int _callAdvice;
    private readonly int _calmNow;
    private readonly int _readAsNothing;
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
    /// <param name="crisisModel">The learned second reading for a crisis (null: the rules alone, as in tests of the rules).</param>
    /// <param name="emergencyModel">The learned second reading for an emergency (null: the rules alone).</param>
    public SafetyTriage(SafetyRules rules, Func<string, bool>? isGeneralWord = null, LearnedSafetyReading? crisisModel = null, LearnedSafetyReading? emergencyModel = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (crisisModel is not null && crisisModel.Kind.RaisesTo != TriageClass.Crisis)
        {
            throw new ArgumentException($"The crisis reading raises to {crisisModel.Kind.RaisesTo}.", nameof(crisisModel));
        }

        if (emergencyModel is not null && emergencyModel.Kind.RaisesTo != TriageClass.Emergency)
        {
            throw new ArgumentException($"The emergency reading raises to {emergencyModel.Kind.RaisesTo}.", nameof(emergencyModel));
        }

        _crisisModel = crisisModel;
        _emergencyModel = emergencyModel;
        _negationWindow = rules.NegationWindow;
        _isGeneralWord = isGeneralWord;
        var classIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var phrases = new PhraseTrie.Builder();
        var signWords = new List<(string, int)>();

        int AddClass(string name, IEnumerable<string> written, bool isSignClass)
        {
            var id = classIds.Count;
            classIds[name] = id;
            foreach (var phrase in PhraseAlternatives.ExpandAll(written))
            {
                var normalized = TextNormalizer.Normalize(phrase.Replace("{number}", NumberWord, StringComparison.Ordinal)
                    .Replace("{many}", ManyWord, StringComparison.Ordinal).Replace("{year}", YearWord, StringComparison.Ordinal));
                if (normalized.Length == 0)
                {
                    continue;
                }

                var words = TextNormalizer.Tokenize(normalized);
                for (var w = 0; w < words.Length; w++)
                {
                    // One instance of each word for all the phrases that hold it.
                    var word = words[w];
                    if (_known.TryGetValue(word, out var shared))
                    {
                        words[w] = shared;
                    }
                    else
                    {
                        _known.Add(word);
                    }

                    if (isSignClass && word.Length >= 4 && word is not (NumberWord or ManyWord or YearWord))
                    {
                        signWords.Add((word, 1));
                    }
                }

                phrases.Add(words, id);
            }

            return id;
        }

        foreach (var (name, written) in rules.WordClasses)
        {
            AddClass(name, written, isSignClass: true);
        }

        _wordClassCount = classIds.Count;
        _negator = AddClass("@negator", rules.Negators, false);
        _negationBreak = AddClass("@negation_break", rules.NegationBreaks, false);
        _exclamation = AddClass("@exclamation", rules.Exclamations, false);
        _sentenceBreak = AddClass("@sentence_break", rules.SentenceBreaks, false);
        _frame = AddClass("@frame", rules.QuestionFrames, false);
        _firstPerson = AddClass("@first_person", rules.FirstPerson, false);
        _urgency = AddClass("@urgency", rules.Urgency, false);
        _history = AddClass("@history", rules.HistoryMarkers, false);
        _distantPast = AddClass("@distant_past", rules.DistantPastMarkers, false);
        _longStanding = AddClass("@long_standing", rules.LongStandingMarkers.Concat(rules.DeficiencyMarkers).Concat(rules.Durations), false);
        _duration = AddClass("@duration", rules.Durations, false);
        _deficiency = AddClass("@deficiency", rules.DeficiencyMarkers, false);
        _acute = AddClass("@acute", rules.AcuteMarkers, false);
        _present = AddClass("@present", rules.PresentMarkers, false);
        _callAdvice = AddClass("@call_advice", rules.CallAdvice, false);
        _calmNow = AddClass("@calm_now", rules.CalmNow, false);
        _readAsNothing = AddClass("@read_as_nothing", rules.ReadAsNothing, false);
        _classCount = classIds.Count;
        _phrases = phrases.Build();
        _openers = new HashSet<string>(PhraseAlternatives.ExpandAll(rules.QuestionOpeners).Select(TextNormalizer.Normalize), StringComparer.Ordinal);
        foreach (var word in PhraseAlternatives.ExpandAll(rules.KnownWords))
        {
            _known.Add(TextNormalizer.Normalize(word));
        }

        // Strongest class first, so a sentence stops being read once nothing stronger can be found.
        _signs = [.. rules.Signs.OrderByDescending(s => s.Class)];
        _signClasses = [.. _signs.Select(s => s.All.Select(c => classIds[c]).ToArray())];
        _signUnless = [.. _signs.Select(s => s.Unless.Select(c => classIds[c]).ToArray())];
        _signUnlessNearer = [.. _signs.Select(s => s.UnlessNearer.Select(c => classIds[c]).ToArray())];
        _signReportedBy = [.. _signs.Select(s => s.EvenInQuestionsWith.Select(c => classIds[c]).ToArray())];
        _signNotInQuestions = [.. _signs.Select(s => s.NotInQuestions.Select(c => classIds[c]).ToArray())];
        _signUnlessInMessage = [.. _signs.Select(s => s.UnlessInMessage.Select(c => classIds[c]).ToArray())];
        _signUnlessTogether = [.. _signs.Select(s => s.UnlessTogetherInMessage.Select(c => classIds[c]).ToArray())];
        _anyAcrossSentences = _signs.Any(s => s.AcrossSentences);
        // Compared with the message's words as they are ("," is the comma mark the tokenizer keeps).
        _listJoiners = new HashSet<string>(rules.ListJoiners.Select(w => w.Trim().ToLowerInvariant()), StringComparer.Ordinal);
        _listFillers = new HashSet<string>(rules.ListFillers.Select(w => w.Trim().ToLowerInvariant()), StringComparer.Ordinal);

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

    /// <summary>
    /// The triage of a message: its text and every string in its card submit <paramref name="value"/>, within the
    /// character budget. The strongest class found wins.
    /// </summary>
    public TriageResult Screen(string? text, JsonElement? value = null)
    {
        var budget = new Budget(TotalBudget);
        var best = ScreenString(text, Math.Min(TextBudget, budget.Left), ref budget, TriageResult.None);
        if (best.Class == TriageClass.Emergency || value is not { } json)
        {
            return best;
        }

        var strings = new List<string>();
        CollectStrings(json, strings, 0);
        foreach (var item in strings)
        {
            if (budget.Left <= 0)
            {
                break;
            }

            best = ScreenString(item, budget.Left, ref budget, best);
            if (best.Class == TriageClass.Emergency)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>Every string in a card submit value, in document order (bounded in count and depth).</summary>
    private static void CollectStrings(JsonElement element, List<string> strings, int depth)
    {
        if (strings.Count >= MaxValueStrings || depth > MaxValueDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString() ?? "");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectStrings(property.Value, strings, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectStrings(item, strings, depth + 1);
                }

                break;
        }
    }

    /// <summary>Reads one string within <paramref name="allowance"/> characters: all of it, or its start and its end.</summary>
    private TriageResult ScreenString(string? text, int allowance, ref Budget budget, TriageResult best)
    {
        if (string.IsNullOrWhiteSpace(text) || allowance <= 0)
        {
            return best;
        }

        if (text.Length <= allowance)
        {
            budget.Spend(text.Length);
            return Stronger(best, ScreenPiece(text.AsSpan()));
        }

        // A long story usually ends with what is happening now: read the start and the end, as two separate pieces.
        var head = allowance * 2 / 3;
        var tail = allowance - head;
        budget.Spend(allowance);
        best = Stronger(best, ScreenPiece(text.AsSpan(0, head)));
        return best.Class == TriageClass.Emergency ? best : Stronger(best, ScreenPiece(text.AsSpan(text.Length - tail)));
    }

    private static TriageResult Stronger(TriageResult a, TriageResult b) => b.Class > a.Class ? b : a;

    /// <summary>
    /// The rules' reading of a piece of text, raised to a crisis or an emergency when a learned model reads one there
    /// (the crisis model first, see below). Only a calm reading (the crisis model: or a check question) is raised. Not over
    /// poisoning: most overdoses the rules find are accidents ("took double because i misread the box"), which the crisis
    /// model's words alone cannot tell from a crisis (four of its seven held-out false alarms), and Poison Control is the
    /// help they need; the rules send a plan to take all of a medicine to the crisis line themselves. Neither model speaks
    /// when a rule of its class had all its words there but set them aside on purpose (an exception, a past reaction).
    /// </summary>
    private TriageResult ScreenPiece(ReadOnlySpan<char> text)
    {
        var result = ScreenSpan(text, out var setAside);
        // A possible reaction already gets the check question (trouble breathing, swelling, faint right now?), and the
        // emergency model's held-out false alarms were all possible reactions: it raises only a calm reading.
        var emergencyMay = _emergencyModel is not null && !setAside.Emergency && result.Class == TriageClass.None;
        var crisisMay = _crisisModel is not null && !setAside.Crisis;
        if (result.Class is not (TriageClass.None or TriageClass.PossibleReaction) || (!emergencyMay && !crisisMay))
        {
            return result;
        }

        // One reading of the words for both models.
        var words = LearnedSafetyReading.Words(text);
        // The crisis model speaks first: the emergency model was fitted without crisis messages on either side and reads
        // "he's locked himself in with a razor right now" as an emergency (ten crisis messages of the eval sets lost the
        // crisis line to 911 when it went first); the crisis reply has 911 in it too.
        if (crisisMay && _crisisModel!.Raises(words))
        {
            return new TriageResult(TriageClass.Crisis, _crisisModel.Kind.RuleId);
        }

        return emergencyMay && _emergencyModel!.Raises(words)
            ? new TriageResult(TriageClass.Emergency, _emergencyModel.Kind.RuleId)
            : result;
    }

    /// <param name="setAside">Whether a crisis or an emergency sign's words were all there but the rules set it aside (<see cref="Reading.CrisisSetAside"/>).</param>
    private TriageResult ScreenSpan(ReadOnlySpan<char> text, out SetAside setAside)
    {
        setAside = default;
        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(text, keepSentenceMarks: true, text.Length));
        if (words.Length == 0)
        {
            return TriageResult.None;
        }

        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (!corrections.TryGetValue(words[i], out var corrected))
            {
                corrected = CorrectTowardsSignWord(words[i]);
                corrections[words[i]] = corrected;
            }

            words[i] = corrected;
        }

        var reading = Read(words);
        var best = TriageResult.None;
        var start = 0;
        var first = 0;
        for (var i = 0; i <= words.Length; i++)
        {
            if (i < words.Length && words[i] != SentenceMark && !reading.SentenceBreakAt[i])
            {
                continue;
            }

            var last = first;
            while (last < reading.Occurrences.Count && reading.Occurrences[last].Start < i)
            {
                last++;
            }

            if (i > start && last > first)
            {
                var sentence = new Sentence(start, i, first, last);
                if (CheckSentence(words, reading, sentence, best.Class) is { } found)
                {
                    best = found;
                    if (best.Class == TriageClass.Emergency)
                    {
                        setAside = new SetAside(reading.CrisisSetAside, reading.EmergencySetAside);
                        return best;
                    }
                }
            }

            start = i + 1;
            first = last;
        }

        // "A rash came up on my arm. I had the shot this afternoon": some signs are also read across the sentences, and
        // an emergency told in two ("feel very faint. welts on my arms since the shot") outranks a check question found
        // in one of them.
        if (_anyAcrossSentences && best.Class < TriageClass.Emergency && reading.Occurrences.Count > 0
            && CheckSentence(words, reading, new Sentence(0, words.Length, 0, reading.Occurrences.Count), best.Class, acrossSentences: true) is { } across)
        {
            best = across;
        }

        setAside = new SetAside(reading.CrisisSetAside, reading.EmergencySetAside);
        return best;
    }

    private string CorrectTowardsSignWord(string word)
    {
        if (word.Length < 4 || word.Length > MaxCorrectedWordLength || _known.Contains(word) || (_isGeneralWord?.Invoke(word) ?? false))
        {
            return word;
        }

        if (_corrector.Correct(word) is { } corrected)
        {
            return corrected;
        }

        var key = PhoneticKey.Of(word);
        return _phoneticCorrector.Correct(key) is { } near && _wordByPhoneticKey.TryGetValue(near, out var original)
            ? original
            : _wordByPhoneticKey.GetValueOrDefault(key, word);
    }

    /// <summary>Every phrase occurrence, in order of position, and what the message says as a whole.</summary>
    private Reading Read(string[] words)
    {
        var reading = new Reading(words.Length, _classCount);
        for (var i = 0; i < words.Length; i++)
        {
            AddOccurrences(words, i, words[i], reading);
            // "b12" is read as "b 12": the vitamin's name, not twelve of something ("swallowed a b12 tablet").
            if (CountOf(words[i]) is var count and >= 2 && !(i > 0 && words[i - 1] == VitaminLetter))
            {
                AddOccurrences(words, i, NumberWord, reading);
                if (count >= 10)
                {
                    AddOccurrences(words, i, ManyWord, reading);
                }

                if (IsYear(count, words[i]))
                {
                    AddOccurrences(words, i, YearWord, reading);
                }
            }
        }

        DropSignWordsInsideWholePhrases(reading);
        foreach (var o in reading.Occurrences)
        {
            reading.InMessage[o.Class] = true;
            if (o.Class == _negator && !InsideExclamation(reading, o))
            {
                reading.NegatorEndAt[o.Start] = Math.Max(reading.NegatorEndAt[o.Start], o.End);
            }
            else if (o.Class == _negationBreak)
            {
                reading.NegationBreakAt[o.Start] = true;
            }
            else if (o.Class == _sentenceBreak)
            {
                reading.SentenceBreakAt[o.Start] = true;
            }
            else if (o.Class == _urgency)
            {
                reading.Urgent = true;
            }
            else if (o.Class == _longStanding)
            {
                reading.LongStanding = true;
            }
            else if (o.Class == _acute)
            {
                reading.Acute = true;
            }
        }

        return reading;
    }

    /// <summary>
    /// Durations and deficiency questions are read as a whole: in "tingly for months now" the "now" says how long, not
    /// that it began now; in "could it be b12" the b12 is the vitamin, not a shot; in "thanks for fitting me in" the
    /// fitting is a booking (read_as_nothing). Sign words and time markers inside them are not read on their own.
    /// </summary>
    private void DropSignWordsInsideWholePhrases(Reading reading)
    {
        var wholes = reading.Occurrences.Where(o => o.Class == _duration || o.Class == _deficiency || o.Class == _readAsNothing).ToList();
        // "the nurse said to ring 999 if ...": the number is advice, not a call for help now; "i'm fine right now", "not
        // urgent": said to calm, not to hurry.
        var advice = reading.Occurrences.Where(o => o.Class == _callAdvice || o.Class == _calmNow).ToList();
        if (wholes.Count == 0 && advice.Count == 0)
        {
            return;
        }

        reading.Occurrences.RemoveAll(o => ((o.Class < _wordClassCount || o.Class == _acute || o.Class == _present)
            && wholes.Exists(w => o.Start >= w.Start && o.End <= w.End && o.End - o.Start < w.End - w.Start))
            || (o.Class == _urgency && advice.Exists(w => o.Start >= w.Start && o.End <= w.End)));
    }

    private void AddOccurrences(string[] words, int i, string key, Reading reading)
    {
        var first = _phrases.First(key);
        if (first < 0)
        {
            return;
        }

        // In the order the phrases were written, as each of their classes is read in that order.
        var found = reading.Found;
        found.Clear();
        CollectPhrases(words, i + 1, first, found);
        if (found.Count > 1)
        {
            found.Sort(static (a, b) => a.Ordinal.CompareTo(b.Ordinal));
        }

        foreach (var phrase in found)
        {
            foreach (var cls in _phrases.Classes(phrase.Node))
            {
                reading.Occurrences.Add(new Occurrence(cls, i, phrase.End));
            }
        }
    }

    /// <summary>Every phrase that goes on from <paramref name="node"/> with the message's words from <paramref name="next"/>.</summary>
    private void CollectPhrases(string[] words, int next, int node, List<FoundPhrase> found)
    {
        if (_phrases.Ordinal(node) is var ordinal and >= 0)
        {
            found.Add(new FoundPhrase(ordinal, node, next));
        }

        if (next == words.Length || !_phrases.HasChildren(node))
        {
            return;
        }

        var word = words[next];
        GoOn(words, next, _phrases.Child(node, word), found);
        var count = CountOf(word);
        if (count >= 2)
        {
            GoOn(words, next, _phrases.Child(node, NumberWord), found);
            if (count >= 10)
            {
                GoOn(words, next, _phrases.Child(node, ManyWord), found);
            }

            if (IsYear(count, word))
            {
                GoOn(words, next, _phrases.Child(node, YearWord), found);
            }
        }
    }

    private void GoOn(string[] words, int next, int child, List<FoundPhrase> found)
    {
        if (child >= 0)
        {
            CollectPhrases(words, next + 1, child, found);
        }
    }

    private static bool IsYear(int count, string word) => word.Length == 4 && count is >= 1950 and <= 2099;

    /// <summary>The number a word of digits stands for (capped), or -1.</summary>
    private static int CountOf(string word)
    {
        if (word.Length == 0 || word.Length > 6 || !char.IsAsciiDigit(word[0]))
        {
            return -1;
        }

        var value = 0;
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <param name="acrossSentences">The whole message as one sentence: only the signs read across sentences.</param>
    private TriageResult? CheckSentence(string[] words, Reading reading, Sentence sentence, TriageClass atLeast, bool acrossSentences = false)
    {
        var occurrences = reading.Occurrences;
        var present = new HashSet<int>();
        var hasFirstPerson = false;
        var isHistory = false;
        var isDistantPast = false;
        var isPresent = false;
        var firstFrameEnd = int.MaxValue;
        List<int>? frameStarts = null;
        List<int>? frameEnds = null;
        List<int>? presentStarts = null;
        for (var k = sentence.First; k < sentence.Last; k++)
        {
            var o = occurrences[k];
            present.Add(o.Class);
            hasFirstPerson |= o.Class == _firstPerson;
            isHistory |= o.Class == _history;
            isDistantPast |= o.Class == _distantPast;
            isPresent |= o.Class == _present;
            if (o.Class == _frame)
            {
                firstFrameEnd = Math.Min(firstFrameEnd, o.End);
                (frameStarts ??= []).Add(o.Start);
                (frameEnds ??= []).Add(o.End);
            }
            else if (o.Class == _present)
            {
                (presentStarts ??= []).Add(o.Start);
            }
        }

        var context = new SentenceContext(hasFirstPerson, _openers.Contains(words[sentence.From]), firstFrameEnd)
        {
            AcrossSentences = acrossSentences,
            FrameStarts = frameStarts,
            FrameEnds = frameEnds,
            PresentStarts = presentStarts,
        };
        var chosen = new Occurrence[3];
        for (var s = 0; s < _signs.Length; s++)
        {
            var sign = _signs[s];
            if (sign.Class <= atLeast)
            {
                break; // signs are strongest first: nothing stronger is left
            }

            if ((acrossSentences && !sign.AcrossSentences) || Array.Exists(_signClasses[s], c => !present.Contains(c)))
            {
                continue;
            }

            if (Array.Exists(_signUnless[s], present.Contains)
                || Array.Exists(_signUnlessInMessage[s], reading.HasClass)
                || (_signUnlessTogether[s].Length > 0 && Array.TrueForAll(_signUnlessTogether[s], reading.HasClass)))
            {
                reading.CrisisSetAside |= sign.Class == TriageClass.Crisis;
                reading.EmergencySetAside |= sign.Class == TriageClass.Emergency;
                continue;
            }

            if (!reading.Urgent)
            {
                // "had my shot at lunch, now hives all over": a present marker keeps the sign current despite the past tense.
                if ((!sign.EvenInPast && !isPresent && (isDistantPast || (sign.HistorySensitive && isHistory)))
                    || (sign.LongStandingSensitive && reading.LongStanding && !reading.Acute))
                {
                    reading.CrisisSetAside |= sign.Class == TriageClass.Crisis;
                    reading.EmergencySetAside |= sign.Class == TriageClass.Emergency;
                    continue;
                }
            }

            var reported = Array.Exists(_signReportedBy[s], present.Contains);
            if (FindCombination(words, reading, sentence, context with { Reported = reported }, s, chosen, 0))
            {
                return new TriageResult(sign.Class, sign.Id);
            }
        }

        return null;
    }

    /// <summary>
    /// Tries one occurrence per class of the sign, all within its window of the first one chosen (so the work per
    /// occurrence is bounded); true if a combination is close enough and not set aside.
    /// </summary>
    private bool FindCombination(string[] words, Reading reading, Sentence sentence, SentenceContext context, int s, Occurrence[] chosen, int index)
    {
        var sign = _signs[s];
        var classes = _signClasses[s];
        if (index == classes.Length)
        {
            return Accepts(words, reading, sentence, context, s, chosen.AsSpan(0, classes.Length));
        }

        var occurrences = reading.Occurrences;
        var from = sentence.First;
        var to = sentence.Last;
        if (index > 0)
        {
            from = LowerBound(occurrences, sentence.First, sentence.Last, chosen[0].Start - sign.Window);
            to = LowerBound(occurrences, from, sentence.Last, chosen[0].Start + sign.Window + 1);
        }

        for (var k = from; k < to; k++)
        {
            var occurrence = occurrences[k];
            if (occurrence.Class != classes[index] || occurrence.End > sentence.To)
            {
                continue;
            }

            if (index > 0 && sign.Ordered && occurrence.Start <= chosen[index - 1].Start)
            {
                continue;
            }

            if (context.AcrossSentences && Array.IndexOf(_signNotInQuestions[s], occurrence.Class) >= 0
                && !IsOwn(words, occurrence.Start) && OpensAsQuestion(words, reading, occurrence.Start))
            {
                continue;
            }

            var clash = false;
            for (var j = 0; j < index; j++)
            {
                clash |= Overlaps(chosen[j], occurrence);
            }

            if (clash)
            {
                continue;
            }

            chosen[index] = occurrence;
            if (FindCombination(words, reading, sentence, context, s, chosen, index + 1))
            {
                return true;
            }
        }

        return false;
    }

    private bool Accepts(string[] words, Reading reading, Sentence sentence, SentenceContext context, int s, ReadOnlySpan<Occurrence> chosen)
    {
        var sign = _signs[s];
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

        if (IsNegated(words, reading, chosen, sentence.From) || IsClaimedByNearerWord(words, reading, sentence, _signUnlessNearer[s], chosen))
        {
            // "never had trouble breathing", "my ankles are swollen and my tongue looks red": the rules said no on purpose.
            reading.EmergencySetAside |= sign.Class == TriageClass.Emergency;
            return false;
        }

        // "Can not breathe" opens with "can", but that word is the sign itself, not a question.
        return sign.EvenInQuestions || reading.Urgent || context.Reported
            || !IsQuestionAbout(context, first, last, context.OpensAsQuestion && !InsideAny(chosen, sentence.From));
    }

    /// <summary>Whether a negator's words lie inside an exclamation ("oh no my son ..."), whose "no" negates nothing.</summary>
    private bool InsideExclamation(Reading reading, Occurrence negator)
    {
        foreach (var o in reading.Occurrences)
        {
            if (o.Class == _exclamation && o.Start <= negator.Start && negator.End <= o.End)
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
    private bool IsNegated(string[] words, Reading reading, ReadOnlySpan<Occurrence> chosen, int from)
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
            var negatorEnd = reading.NegatorEndAt[j];
            if (negatorEnd == 0 || InsideAny(chosen, j) || OverlapsAny(chosen, j, negatorEnd))
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
                broken = words[k] is CommaMark or SentenceMark || reading.NegationBreakAt[k];
            }

            if (!broken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "My hands tingle and my tongue is sore": a word of a <c>unless_nearer</c> class (another body part) is nearer to
    /// one of the sign's words than the sign's other word is, so that word is about it. Not when it is listed together
    /// with the sign's word ("tingling in my hands and lips": the lips tingle too).
    /// </summary>
    private bool IsClaimedByNearerWord(string[] words, Reading reading, Sentence sentence, int[] claimants, ReadOnlySpan<Occurrence> chosen)
    {
        if (claimants.Length == 0 || chosen.Length != 2)
        {
            return false;
        }

        var gap = Math.Abs(chosen[0].Start - chosen[1].Start);
        for (var k = sentence.First; k < sentence.Last; k++)
        {
            var o = reading.Occurrences[k];
            if (Array.IndexOf(claimants, o.Class) < 0 || OverlapsAny(chosen, o.Start, o.End))
            {
                continue;
            }

            var nearer = Math.Abs(o.Start - chosen[0].Start) < gap || Math.Abs(o.Start - chosen[1].Start) < gap;
            if (nearer && !IsListedWith(words, o, chosen[0]) && !IsListedWith(words, o, chosen[1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "hands and lips", "lips, tongue": a list joiner and nothing but list fillers between two words (both lists are
    /// in dialogs/safety.yaml).
    /// </summary>
    private bool IsListedWith(string[] words, Occurrence a, Occurrence b)
    {
        var (from, to) = a.Start < b.Start ? (a.End, b.Start) : (b.End, a.Start);
        var joined = false;
        for (var k = from; k < to; k++)
        {
            if (_listJoiners.Contains(words[k]))
            {
                joined = true;
            }
            else if (!_listFillers.Contains(words[k]))
            {
                return false;
            }
        }

        return joined;
    }

    /// <summary>
    /// "Can B12 cause anaphylaxis?", "what are the signs of swelling": a question frame before the sign, or a sentence
    /// that opens as a question and is about nobody in particular.
    /// </summary>
    private static bool IsQuestionAbout(SentenceContext context, int signStart, int signLast, bool opensAsQuestion) =>
        IsFramed(context, signStart, signLast) || (opensAsQuestion && !context.HasFirstPerson);

    /// <summary>
    /// A question frame before the sign, with no present marker between them: in "the nurse said to call if anything
    /// changed and now my lips are swelling" the "now" ends the "if". A frame that holds the sign's first word ("if my
    /// throat ever swelled up, would I call 999?") frames it too, unless a present marker comes after the frame's start
    /// and before the sign's last word ("if my throat ever swells, come back, she said, and now it's swelling").
    /// </summary>
    private static bool IsFramed(SentenceContext context, int signStart, int signLast)
    {
        if (context.FrameStarts is { } starts)
        {
            for (var k = 0; k < starts.Count; k++)
            {
                var frameStart = starts[k];
                if (frameStart < signStart && context.FrameEnds![k] > signStart
                    && context.PresentStarts?.Exists(p => p > frameStart && p <= signLast) != true)
                {
                    return true;
                }
            }
        }

        if (context.FirstFrameEnd > signStart)
        {
            return false;
        }

        if (context.PresentStarts is not { } presents)
        {
            return true;
        }

        var lastPresent = -1;
        foreach (var start in presents)
        {
            if (start < signStart)
            {
                lastPresent = Math.Max(lastPresent, start);
            }
        }

        return context.FrameEnds!.Exists(end => end <= signStart && end > lastPresent);
    }

    private static int LowerBound(List<Occurrence> occurrences, int from, int to, int position)
    {
        while (from < to)
        {
            var middle = (from + to) >>> 1;
            if (occurrences[middle].Start < position)
            {
                from = middle + 1;
            }
            else
            {
                to = middle;
            }
        }

        return from;
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

    private static bool InsideAny(ReadOnlySpan<Occurrence> chosen, int position)
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

    private static bool OverlapsAny(ReadOnlySpan<Occurrence> chosen, int start, int end)
    {
        foreach (var o in chosen)
        {
            if (o.Start < end && start < o.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(Occurrence a, Occurrence b) => a.Start < b.End && b.Start < a.End;

    /// <summary>"Could this rash be from the shot", "is my rash from it": a sign word said as one's own, even when asked about.</summary>
    private static bool IsOwn(string[] words, int position) =>
        position > 0 && words[position - 1] is "this" or "these" or "my" or "her" or "his" or "our" or "their";

    /// <summary>
    /// The sentence holding this position opens like a question ("could the injection give me a rash"), and not with
    /// words of a sign or of a person ("can barely stand", "can not breathe").
    /// </summary>
    private bool OpensAsQuestion(string[] words, Reading reading, int position)
    {
        var start = position;
        while (start > 0 && words[start - 1] != SentenceMark && !reading.SentenceBreakAt[start - 1])
        {
            start--;
        }

        if (!_openers.Contains(words[start]))
        {
            return false;
        }

        foreach (var o in reading.Occurrences)
        {
            if (o.Start == start && o.End > start + 1 && o.Class != _frame)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A phrase found at a message position: its order in the content, its trie node, where it ends.</summary>
    private readonly record struct FoundPhrase(int Ordinal, int Node, int End);

    private readonly record struct Occurrence(int Class, int Start, int End);

    /// <summary>Words [From, To) of the message, and its occurrences [First, Last) in the occurrence list.</summary>
    private readonly record struct Sentence(int From, int To, int First, int Last);

    /// <param name="Reported">The sentence tells of one's own sign even if it is asked as a question (the sign's <c>even_in_questions_with</c>).</param>
    private readonly record struct SentenceContext(bool HasFirstPerson, bool OpensAsQuestion, int FirstFrameEnd, bool Reported = false)
    {
        /// <summary>The whole message read as one sentence (the signs read across sentences).</summary>
        public bool AcrossSentences { get; init; }

        /// <summary>Where each question frame of the sentence starts (null: none), in the order of <see cref="FrameEnds"/>.</summary>
        public List<int>? FrameStarts { get; init; }

        /// <summary>Where each question frame of the sentence ends (null: none).</summary>
        public List<int>? FrameEnds { get; init; }

        /// <summary>Where each present marker of the sentence starts (null: none).</summary>
        public List<int>? PresentStarts { get; init; }
    }

    /// <summary>One message's phrase occurrences, sorted by position, with per-position marks and message-wide flags.</summary>
    private sealed class Reading(int length, int classCount)
    {
        public List<Occurrence> Occurrences { get; } = [];

        /// <summary>The phrases found at one position, reused from position to position.</summary>
        public List<FoundPhrase> Found { get; } = [];

        /// <summary>
        /// For each class, whether it has an occurrence anywhere in the message (for <c>unless_in_message</c> and
        /// <c>unless_together_in_message</c>): a flag per class id, no set to hash into on every message.
        /// </summary>
        public bool[] InMessage { get; } = new bool[classCount];

        public bool HasClass(int id) => InMessage[id];

        public int[] NegatorEndAt { get; } = new int[length];
        public bool[] NegationBreakAt { get; } = new bool[length + 1];
        public bool[] SentenceBreakAt { get; } = new bool[length + 1];
        public bool Urgent { get; set; }
        public bool LongStanding { get; set; }
        public bool Acute { get; set; }

        /// <summary>
        /// Whether a crisis sign had all its words here but an exception the clinic wrote set it aside ("i won't be
        /// around next week, i'm on holiday"): the rules have read a crisis-shaped message and said no.
        /// </summary>
        public bool CrisisSetAside { get; set; }

        /// <summary>
        /// Whether an emergency sign had all its words here but an exception, the past tense, a negation ("never had
        /// trouble breathing") or a nearer word ("ankles swollen" beside a tongue) set it aside: the rules have read an
        /// emergency-shaped message and said no.
        /// </summary>
        public bool EmergencySetAside { get; set; }
    }

    /// <summary>Which learned readings the rules' own decision keeps quiet (see <see cref="Reading.CrisisSetAside"/>).</summary>
    private readonly record struct SetAside(bool Crisis, bool Emergency);

    private struct Budget(int total)
    {
        public int Left { get; private set; } = total;

        public void Spend(int characters) => Left = Math.Max(0, Left - characters);
    }
}
