using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Whole-message intents that need no scoring: commands ("help", "start over"), an intent's exact phrasing or title
/// (buttons send titles back), and small talk made only of social words ("hi there!", "ok thanks so much").
/// </summary>
public sealed class ExactIntentRecognizer
{
    /// <summary>Phrasings this short in terms ("b12 shot") say too little to be matched by their terms alone.</summary>
    private const int MinTermsForConceptMatch = 2;

    /// <summary>A command said in a sentence ("can u cancel this pls") is at most this long; longer messages are questions.</summary>
    private const int MaxCommandSentenceWords = 12;

    /// <summary>
    /// A one-word command at least this long is also recognised with one slip of the keyboard ("hlp", "cancle",
    /// "restrat"); shorter ones ("end") are too close to other words.
    /// </summary>
    private const int MinTypoCommandLength = 4;

    /// <summary>The most clauses a message may say one command in, a clause each (<see cref="CommandInEveryClause"/>).</summary>
    private const int MaxCommandClauses = 3;

    /// <summary>The longest reason a command may be followed by ("my mum's had enough"), in words.</summary>
    private const int MaxReasonWords = 9;

    /// <summary>
    /// The longest reason after a command that leaves the chat or the check by name ("cancel this check, he's gone to bed
    /// and I can't answer the rest for him"), in words, when it names nothing the content is about.
    /// </summary>
    private const int MaxReasonWordsAfterLeaving = 16;

    /// <summary>The shortest reason that may open with its owner ("my dad would rather not"), in words.</summary>
    private const int MinOwnedReasonWords = 4;

    /// <summary>The longest message read as small talk with a telling beside it (<see cref="SmallTalkWithTelling"/>), in words.</summary>
    private const int MaxSmallTalkWithTellingWords = 28;

    /// <summary>The longest walkthrough request a story can end with (<see cref="RequestedWalkthrough"/>), in words.</summary>
    private const int MaxRequestWords = 12;

    private readonly TermAnalyzer _analyzer;
    private readonly IReadOnlyDictionary<string, string> _shorthand;
    private readonly string[][] _leadingFillers;
    private readonly string[][] _trailingFillers;
    /// <summary>The leading fillers of one word ("hi", "ok"), which may open a sentence before its teller.</summary>
    private readonly HashSet<string> _oneWordLeadingFillers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Intent> _exactPhrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Intent> _exactTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BotCommand> _commands = new(StringComparer.Ordinal);
    /// <summary>The command phrases by their first word: only those can start at a given word of a message.</summary>
    private readonly Dictionary<string, (string[] Words, BotCommand Command)[]> _commandPhrasesByFirstWord;
    private readonly BotCommand[] _commandNames;
    /// <summary>The one-word command phrases long enough to be recognised with a typo (<see cref="MinTypoCommandLength"/>).</summary>
    private readonly (string Word, BotCommand Command)[] _oneWordCommands;
    /// <summary>The words of command phrases long enough to be recognised with a typo inside a sentence ("strat again").</summary>
    private readonly string[] _commandPhraseWords;
    private readonly Dictionary<string, SmallTalkIntent> _smallTalkPhrases = new(StringComparer.Ordinal);
    private readonly (SmallTalkIntent Intent, string[][] Phrases)[] _smallTalk;
    private readonly HashSet<string> _smallTalkWords = new(StringComparer.Ordinal);
    /// <summary>Each small-talk emoji with its intent and the intent's place in the list (the first listed wins a mix).</summary>
    private readonly Dictionary<int, (int Order, SmallTalkIntent Intent)> _smallTalkEmoji = [];
    private readonly HashSet<string> _topicTerms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _foreignTerms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _chatWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checkWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _commandWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reasonOpeners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reasonOwners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tellerWords = new(StringComparer.Ordinal);

    public ExactIntentRecognizer(IntentCatalog catalog, BotMessages messages, LanguageResources language, TermAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(language);
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _shorthand = language.Shorthand;
        _leadingFillers = [.. language.LeadingFillers.Select(ExpandedWords).Where(w => w.Length > 0).OrderByDescending(w => w.Length)];
        _trailingFillers = [.. language.TrailingFillers.Select(ExpandedWords).Where(w => w.Length > 0).OrderByDescending(w => w.Length)];
        _oneWordLeadingFillers.UnionWith(_leadingFillers.Where(w => w.Length == 1).Select(w => w[0]));

        // Titles first (a title always means its own intent), then phrasings; the first intent listed wins a tie.
        foreach (var intent in catalog.Intents)
        {
            _exactPhrases.TryAdd(ExactKey(intent.Title), intent);
        }

        foreach (var intent in catalog.Intents.OrderBy(i => i.Kind == IntentKind.StartWalkthrough ? 0 : 1))
        {
            foreach (var phrasing in intent.Phrasings)
            {
                _exactPhrases.TryAdd(ExactKey(phrasing), intent);

                // The same phrasing in other words ("do i need b12 jabs" for "do I need b12 injections"): its concepts and
                // stems in order; like exact phrasings, the first intent listed keeps a shared key.
                var terms = analyzer.TermsOf(phrasing);
                if (terms.Length >= MinTermsForConceptMatch)
                {
                    var key = string.Join(' ', terms);
                    _exactTerms.TryAdd(key, intent);
                }
            }
        }

        var commandPhrases = new List<(string[], BotCommand)>();
        foreach (var (command, phrases) in messages.Commands)
        {
            foreach (var phrase in phrases)
            {
                _commands.TryAdd(ExactKey(phrase), command);
                if (ExpandedWords(phrase) is { Length: > 0 } words)
                {
                    commandPhrases.Add((words, command));
                }
            }
        }

        _commandPhrasesByFirstWord = commandPhrases.GroupBy(p => p.Item1[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _commandWords.UnionWith(language.CommandWords.Select(TextNormalizer.Normalize));
        _reasonOpeners.UnionWith(language.ReasonOpeners.Select(TextNormalizer.Normalize));
        _reasonOwners.UnionWith(language.ReasonOwners.Select(TextNormalizer.Normalize));
        _tellerWords.UnionWith(language.TellerWords.Select(TextNormalizer.Normalize));
        _commandNames = [.. commandPhrases.Select(p => p.Item2).Distinct()];
        _oneWordCommands = [.. commandPhrases.Where(p => p.Item1.Length == 1 && p.Item1[0].Length >= MinTypoCommandLength).Select(p => (p.Item1[0], p.Item2))];
        _commandPhraseWords = [.. commandPhrases.Where(p => p.Item1.Length > 1).SelectMany(p => p.Item1)
            .Where(w => w.Length >= MinTypoCommandLength).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        var smallTalk = new List<(SmallTalkIntent, string[][])>();
        foreach (var intent in messages.SmallTalk)
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
        for (var order = 0; order < messages.SmallTalk.Count; order++)
        {
            foreach (var symbol in messages.SmallTalk[order].Emoji.SelectMany(EmojiReading.Symbols))
            {
                _smallTalkEmoji.TryAdd(symbol, (order, messages.SmallTalk[order]));
            }
        }
        foreach (var topic in language.TopicWords)
        {
            _topicTerms.UnionWith(analyzer.TermsOf(topic));
        }

        _foreignTerms.UnionWith(language.ForeignWords);
        _chatWords.UnionWith(language.ChatWords.Select(TextNormalizer.Normalize));
        _checkWords.UnionWith(language.CheckWords.Select(TextNormalizer.Normalize));
    }

    /// <summary>The whole-message reading of <paramref name="analyzed"/>, or null when it needs scoring.</summary>
    public FaqMatch? Recognize(AnalyzedText analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        var exactKey = ExactKey(analyzed.Normalized);
        var keyWords = KeyWords(exactKey);
        if (Command(exactKey, keyWords) is { } bare)
        {
            return new FaqMatch { Kind = FaqMatchKind.Command, Command = bare, Score = 1 };
        }

        // A command said with a reason or after one ("cancel the check, no one cares whether i'm alive") tells more than
        // the command: the safety backstop screens those words as it screens a question's.
        if ((CommandWithReason(analyzed, keyWords) ?? CommandAfterPreface(analyzed)) is { } told)
        {
            return new FaqMatch { Kind = FaqMatchKind.Command, Command = told, TellsMore = true, Score = 1 };
        }

        if (CommandInEveryClause(analyzed) is { } repeated)
        {
            return new FaqMatch { Kind = FaqMatchKind.Command, Command = repeated, Score = 1 };
        }

        if (_exactPhrases.TryGetValue(exactKey, out var intent))
        {
            return FaqMatch.For(intent, 1);
        }

        // "tired, tingly feet, do i need b12? walk me through it": symptoms told, then the walkthrough asked for in the
        // last clause. The visitor asked to be taken through it, so that wins over an answer about the symptoms.
        if (analyzed.LastClauseStart > 0
            && _exactPhrases.TryGetValue(ExactKey(string.Join(' ', analyzed.Words.AsSpan(analyzed.LastClauseStart).ToArray())), out var asked)
            && asked.Kind == IntentKind.StartWalkthrough)
        {
            return FaqMatch.For(asked, 1);
        }

        if (RequestedWalkthrough(analyzed) is { } requested)
        {
            return FaqMatch.For(requested, 1);
        }

        if (analyzed.Terms.Count >= MinTermsForConceptMatch && !analyzed.TermWasCorrected.Contains(true) && analyzed.ClauseCount == 1
            && _exactTerms.TryGetValue(string.Join(' ', analyzed.Terms.Distinct(StringComparer.Ordinal)), out var sameTerms))
        {
            return FaqMatch.For(sameTerms, 1);
        }

        // A topic word inside a small-talk phrase ("speak soon") asks nothing: "goodnight, speak soon" is a goodbye. The
        // small-talk match goes first: it turns most questions away at their first word, before the phrase cover is built.
        if (MatchSmallTalk(analyzed, exactKey) is { } smallTalk && (!MentionsTopic(analyzed) || SmallTalkPhrasesCover(ExpandedWords(analyzed.Normalized))))
        {
            return new FaqMatch { Kind = FaqMatchKind.SmallTalk, SmallTalk = smallTalk, Score = 1 };
        }

        // "thanks a lot, i'll show my husband later": small talk with a telling beside it, which the safety backstop screens
        // as it screens a question.
        if (SmallTalkWithTelling(analyzed) is { } toldBeside)
        {
            return new FaqMatch { Kind = FaqMatchKind.SmallTalk, SmallTalk = toldBeside, TellsMore = true, Score = 1 };
        }

        return null;
    }

    /// <summary>
    /// Small talk with a telling in a segment of its own or after it in the same one ("thanks a lot, i'll show my husband
    /// later", "Good afternoon, I am new to all this.", "do you know any good jokes my grandson says you might"): every segment is one phrase of small talk that takes a telling (a greeting or
    /// thanks, not a goodbye), or a telling as a reason is (opened by its teller, no question word, naming nothing the
    /// content is about), and one at least is small talk, so there is nothing else to answer. The first small talk found is
    /// the reply.
    /// </summary>
    private SmallTalkIntent? SmallTalkWithTelling(AnalyzedText analyzed)
    {
        var words = analyzed.Words;
        var starts = analyzed.SegmentWordStarts;
        if (words.Length < 3 || words.Length > MaxSmallTalkWithTellingWords || starts.Length > MaxCommandClauses)
        {
            return null;
        }

        SmallTalkIntent? found = null;
        var told = false;
        for (var p = 0; p < starts.Length; p++)
        {
            var part = words.AsSpan(starts[p], (p + 1 < starts.Length ? starts[p + 1] : words.Length) - starts[p]);
            if (part.IsEmpty)
            {
                continue;
            }

            if (SmallTalkOf(part) is { } said)
            {
                found ??= said;
                continue;
            }

            if (IsTelling(part))
            {
                told = true;
                continue;
            }

            // Small talk, then the telling in the same segment ("do you know any good jokes my grandson says you might"); a
            // telling opens with its teller, after any filler.
            var split = false;
            for (var k = part.Length - 1; k >= 1 && !split; k--)
            {
                if (MayOpenTelling(part[k]) && SmallTalkOf(part[..k]) is { } before && IsTelling(part[k..]))
                {
                    found ??= before;
                    split = told = true;
                }
            }

            if (!split)
            {
                return null;
            }
        }

        return told ? found : null;
    }

    private bool MayOpenTelling(string word) =>
        _reasonOpeners.Contains(word) || _reasonOwners.Contains(word) || _oneWordLeadingFillers.Contains(word) || _commandWords.Contains(word);

    /// <summary>The small talk that takes a telling (messages.yaml with_a_telling) <paramref name="part"/> is one phrase of, or null.</summary>
    private SmallTalkIntent? SmallTalkOf(ReadOnlySpan<string> part) =>
        _smallTalkPhrases.TryGetValue(ExactKey(string.Join(' ', part.ToArray())), out var said) && said.WithATelling ? said : null;

    /// <summary>
    /// Whether <paramref name="part"/> only tells, as a reason beside a command does: it opens with its teller ("i", or
    /// "my" in four words or more) after any filler, has no question word, and names nothing the content is about.
    /// </summary>
    private bool IsTelling(ReadOnlySpan<string> part)
    {
        var rest = part[FillerCount(part)..];
        return rest.Length > 0 && rest.Length <= MaxReasonWordsAfterLeaving && OpensWithTeller(rest)
            && TellsOnly(rest) && !NamesTopic(rest) && !_analyzer.TermsOf(string.Join(' ', rest.ToArray())).Any(_foreignTerms.Contains);
    }

    /// <summary>
    /// Whether words told beside a command or small talk name something the content is about: the chat itself ("i'm not
    /// very good with computers") and the teller ("i've got myself in a muddle") do not.
    /// </summary>
    private bool NamesTopic(ReadOnlySpan<string> told)
    {
        var words = new List<string>(told.Length);
        foreach (var word in told)
        {
            if (!_tellerWords.Contains(word))
            {
                words.Add(word);
            }
        }

        return _analyzer.TermsOf(string.Join(' ', words)).Any(term => _topicTerms.Contains(term) && !_chatWords.Contains(term));
    }

    /// <summary>
    /// A story that ends by asking for the walkthrough in one of its request phrasings ("vegan for years and always tired,
    /// can you check my risk", "had stomach surgery, please assess me"): the walkthrough, which asks about what the story
    /// told. Only a request (a phrasing that does not open as a question: "should i get b12 shots" after a story is a
    /// question about it), ending the message, with no question before it ("how do i inject, walk me through it") but one
    /// about oneself ("am i low in b12? test me").
    /// </summary>
    private Intent? RequestedWalkthrough(AnalyzedText analyzed)
    {
        var words = analyzed.Words;
        var clause = analyzed.LastClauseStart;
        if (words.Length < 2 || (analyzed.ClauseIsQuestion.Take(analyzed.ClauseCount - 1).Any(q => q) && !AsksAboutOneselfFirst(analyzed))
            || TermAnalyzer.OpensAQuestion(words[clause]))
        {
            return null;
        }

        for (var start = clause; start < words.Length; start++)
        {
            if (TermAnalyzer.IsQuestionWord(words[start]))
            {
                return null;
            }

            if (start == 0 || words.Length - start > MaxRequestWords)
            {
                continue;
            }

            var key = ExactKey(string.Join(' ', words, start, words.Length - start));
            if (_exactPhrases.TryGetValue(key, out var intent) && intent.Kind == IntentKind.StartWalkthrough && !TermAnalyzer.OpensAQuestion(key.Split(' ')[0]))
            {
                return intent;
            }
        }

        return null;
    }

    /// <summary>
    /// "am i b12 deficient? test me": one question about oneself ("am i ..."), then the request. Such a question is what
    /// the check finds out, so the request still asks for the check.
    /// </summary>
    private static bool AsksAboutOneselfFirst(AnalyzedText analyzed) =>
        analyzed.ClauseCount == 2 && analyzed.Words is ["am", "i", ..];

    /// <summary>
    /// A message of emoji alone ("👍", "😊🙏"): the small talk its emoji say, the intent listed first when they say
    /// several (thanks before a smile); null when any of them is not listed (a crying face is not read as "ok").
    /// </summary>
    public FaqMatch? RecognizeEmoji(string text)
    {
        var symbols = EmojiReading.Symbols(text);
        (int Order, SmallTalkIntent Intent)? said = null;
        foreach (var symbol in symbols)
        {
            if (!_smallTalkEmoji.TryGetValue(symbol, out var intent))
            {
                return null;
            }

            if (said is null || intent.Order < said.Value.Order)
            {
                said = intent;
            }
        }

        return said is { } found ? new FaqMatch { Kind = FaqMatchKind.SmallTalk, SmallTalk = found.Intent, Score = 1 } : null;
    }

    /// <summary>Only a command, for dialogs that listen for commands alone.</summary>
    public BotCommand? RecognizeCommand(string text)
    {
        var exactKey = ExactKey(text);
        return Command(exactKey, KeyWords(exactKey));
    }

    /// <summary>The words of a whole-message key, split once for every lookup that reads them.</summary>
    private static string[] KeyWords(string exactKey) => exactKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The command a message gives: one of its phrases as the whole message, or said in a short sentence whose other
    /// words are all stop words or command words ("can u cancel this pls", "i want to start again from the beginning",
    /// "no stop, cancel that", "restart this conversation"). A phrase may have such words inside it too ("show me the
    /// options" for "show options", "how does this chat work" for "how does this work"). Phrases of two different
    /// commands, or any other word ("how do i stop my injections"), make it no command; except that a restart takes a
    /// cancel in its stride ("scrap that, start over"). A lone word one slip from a command is that command ("hlp").
    /// </summary>
    /// <param name="words">The words of <paramref name="exactKey"/>: the message without leading and trailing fillers ("um what do i ask you", "ok so cancel").</param>
    private BotCommand? Command(string exactKey, string[] words)
    {
        if (_commands.TryGetValue(exactKey, out var command))
        {
            return command;
        }

        if (words.Length > MaxCommandSentenceWords)
        {
            return null;
        }

        if (words.Length == 1)
        {
            return StartsAnyCommandPhrase(words) ? CommandCovering(words) : MistypedCommand(words);
        }

        return CorrectCommandSlips(words) is { } readable ? CommandCovering(readable) : null;
    }

    /// <summary>
    /// A command and then why ("can we stop this checklist i changed my mind", "go back to the very beginning, i was
    /// answering for the wrong person"): the command covers the first words, and the rest only tells (no question word,
    /// not a question clause), opens with its teller ("i", or "my" in a longer reason: reason_openers and reason_owners
    /// in language.yaml) and names nothing the content is about, so there is nothing else to answer. The command is the
    /// longest such start.
    /// </summary>
    private BotCommand? CommandWithReason(AnalyzedText analyzed, string[] words)
    {
        if (words.Length < 3 || words.Length > MaxCommandSentenceWords + MaxReasonWordsAfterLeaving || !_commandPhrasesByFirstWord.ContainsKey(words[0]))
        {
            return null;
        }

        for (var k = Math.Min(words.Length - 1, MaxCommandSentenceWords); k >= 1; k--)
        {
            var reason = words.AsSpan(k);
            if (reason.Length > MaxReasonWordsAfterLeaving || TermAnalyzer.IsQuestionWord(reason[0]))
            {
                break;
            }

            // A question word inside a reason ("my wife has fallen asleep and i don't know how she'd answer") is let
            // through only when the command leaves the check by name and the reason names nothing the content is about.
            var tellsOnly = TellsOnly(reason);

            // The reason opens with its teller ("i"), or, four words or more, with whose it is ("my wife will answer
            // instead"): "stop it, safe to drive after?" has no reason after "stop it", and "reset my password" or "help me
            // with my homework" asks the command for something else. A command that names the chat or the check leaves it
            // whatever its reason says ("quit the checklist pls, baby just woke up", "can we stop the assessment? i'll come
            // back to it another time", "i'd like to stop this checklist now, i'm getting rather tired"); a bare one may be
            // a question about what the reason names ("stop it, i'm on metformin").
            var said = words.AsSpan(0, k);
            var tellsWhy = OpensWithTeller(reason);
            if ((tellsWhy || NamesTheChat(said)) && CommandCovering(words[..k]) is { } command)
            {
                var leavesTheChat = LeavesTheChat(said, command);
                if (!leavesTheChat && (!tellsWhy || reason.Length > MaxReasonWords || !tellsOnly))
                {
                    continue;
                }

                // A reason that names a subject the content is about may be a question ("stop it, i'm on metformin"); one
                // that asks, or a long one, leaves the check only when it names none ("can we leave this questionnaire?
                // i'd rather just ask a question"; "stop the quiz, can i still have my shot with a cold?" asks about it).
                var reasonAsks = analyzed.LastClauseStart > 0 && analyzed.ClauseIsQuestion[^1];
                var reasonNamesTopic = NamesTopic(reason);
                if (!leavesTheChat)
                {
                    return !reasonAsks && !reasonNamesTopic ? command : null;
                }

                var reasonMayAsk = reasonAsks || reason.Length > MaxReasonWords || !tellsOnly;
                return reasonMayAsk && reasonNamesTopic ? null : command;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a reason or a telling opens with its teller ("i changed my mind"), or, four words or more, with whose it is
    /// ("my wife will answer instead"): language.yaml reason_openers and reason_owners.
    /// </summary>
    private bool OpensWithTeller(ReadOnlySpan<string> told) =>
        _reasonOpeners.Contains(told[0]) || (_reasonOwners.Contains(told[0]) && told.Length >= MinOwnedReasonWords);

    /// <summary>How many words at the start of <paramref name="words"/> are one-word fillers or command words ("ok so", "sorry").</summary>
    private int FillerCount(ReadOnlySpan<string> words)
    {
        var count = 0;
        while (count < words.Length && (_oneWordLeadingFillers.Contains(words[count]) || _commandWords.Contains(words[count])))
        {
            count++;
        }

        return count;
    }

    /// <summary>Whether words told beside a command only tell: no question word among them ("i changed my mind", not "what now").</summary>
    private static bool TellsOnly(ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (TermAnalyzer.IsQuestionWord(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Why, and then the command, in a sentence or a segment of its own ("I have got myself muddled. Can we begin again?",
    /// "actually i've changed my mind, please end the check", "i'm not good with these things. what sort of questions can
    /// i ask?"): the last sentence, or the words after the last comma or dash, are a command by themselves, and the words
    /// before only tell, as a reason after a command does (opened by their teller after any greeting or "sorry", no
    /// question word, no other subject), so there is nothing else to answer. After a telling about B12 or a symptom the
    /// command must name the chat or the check.
    /// </summary>
    private BotCommand? CommandAfterPreface(AnalyzedText analyzed) =>
        CommandAfterPreface(analyzed, analyzed.LastClauseStart)
        ?? (analyzed.LastSegmentStart != analyzed.LastClauseStart ? CommandAfterPreface(analyzed, analyzed.LastSegmentStart) : null);

    private BotCommand? CommandAfterPreface(AnalyzedText analyzed, int start)
    {
        var words = analyzed.Words;
        var opener = FillerCount(words.AsSpan(0, start));

        // The preface opens with its teller ("i'm so tired, stop the questions") or, four words or more, with whose it is
        // when the command then leaves the chat or the check by name ("my mum is tired, can we leave the checklist here";
        // "my feet are dry and cracked, any tips" asks about the feet).
        if (start == 0 || start - opener > MaxReasonWords || opener == start)
        {
            return null;
        }

        var ownerOpened = !_reasonOpeners.Contains(words[opener]);
        if (ownerOpened && !(_reasonOwners.Contains(words[opener]) && start - opener >= MinOwnedReasonWords))
        {
            return null;
        }

        if (!TellsOnly(words.AsSpan(0, start)))
        {
            return null;
        }

        var lastKey = ExactKey(string.Join(' ', words, start, words.Length - start));
        if (Command(lastKey, KeyWords(lastKey)) is not { } command || (ownerOpened && !LeavesTheChat(words.AsSpan(start), command)))
        {
            return null;
        }

        // "i get migraines every month. what can i take to stop them?" asks about the migraines: another subject told, or a
        // question word before "stop" or "start", is no command. After a telling about B12 or a symptom only a command that
        // names the chat or the check stands: "i'm on b12 shots. can i stop?" and "my feet tingle. help" ask about them;
        // "i'm so muddled. can we begin the whole conversation again?" restarts.
        var told = _analyzer.TermsOf(string.Join(' ', words, 0, start));
        if (told.Any(_foreignTerms.Contains) || (command != BotCommand.Help && TermAnalyzer.IsQuestionWord(words[start])))
        {
            return null;
        }

        // The chat itself told of ("i'm not very good with computers", read as the bot) is no B12 subject.
        return told.Any(term => _topicTerms.Contains(term) && !_chatWords.Contains(term)) && !LeavesTheChat(words.AsSpan(start), command) ? null : command;
    }

    /// <summary>
    /// The same command said twice over, a clause or a segment each ("How does this chat work? What kinds of things can I
    /// ask you?", "I don't want to do the questionnaire anymore, get me out of it"): too long for one command sentence,
    /// but each part is the command by itself.
    /// </summary>
    private BotCommand? CommandInEveryClause(AnalyzedText analyzed) =>
        CommandInEveryPart(analyzed, analyzed.ClauseWordStarts)
        ?? (analyzed.SegmentWordStarts.AsSpan().SequenceEqual(analyzed.ClauseWordStarts) ? null : CommandInEveryPart(analyzed, analyzed.SegmentWordStarts));

    private BotCommand? CommandInEveryPart(AnalyzedText analyzed, int[] starts)
    {
        if (starts.Length < 2 || starts.Length > MaxCommandClauses)
        {
            return null;
        }

        BotCommand? found = null;
        for (var c = 0; c < starts.Length; c++)
        {
            var end = c + 1 < starts.Length ? starts[c + 1] : analyzed.Words.Length;
            var key = ExactKey(string.Join(' ', analyzed.Words, starts[c], end - starts[c]));
            if (Command(key, KeyWords(key)) is not { } command || (found is not null && found != command))
            {
                return null;
            }

            found = command;
        }

        return found;
    }

    /// <summary>
    /// Whether <paramref name="said"/>, giving <paramref name="command"/>, leaves the chat or the check by name, so that
    /// whatever is told beside it does not make it a question ("I'm so muddled. Can we begin the whole conversation
    /// again?", "quit the checklist pls, baby just woke up"). Help with the check is not: after a telling it asks for the
    /// check itself ("i think i'm low on b12, can you help me check step by step?").
    /// </summary>
    private bool LeavesTheChat(ReadOnlySpan<string> said, BotCommand command) =>
        NamesTheChat(said) && !(command == BotCommand.Help && NamesTheCheck(said));

    /// <summary>Whether <paramref name="words"/> name the chat or the check itself (language.yaml whole_message.chat_words).</summary>
    private bool NamesTheChat(ReadOnlySpan<string> words) => AnyOf(words, _chatWords);

    /// <summary>Whether <paramref name="words"/> name the symptom check (language.yaml whole_message.check_words).</summary>
    private bool NamesTheCheck(ReadOnlySpan<string> words) => AnyOf(words, _checkWords);

    private static bool AnyOf(ReadOnlySpan<string> words, HashSet<string> set)
    {
        foreach (var word in words)
        {
            if (set.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one command whose phrases, stop words and command words cover all of <paramref name="words"/>; null otherwise.</summary>
    private BotCommand? CommandCovering(string[] words)
    {
        if (!StartsAnyCommandPhrase(words))
        {
            return null;
        }

        BotCommand? found = null;
        foreach (var candidate in _commandNames)
        {
            if (CoversWithStopwords(words, candidate))
            {
                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>
    /// The words of a short sentence with each slip of the keyboard in a command phrase's word put right ("strat again",
    /// "start from the begining", "hlep what are my options"): a word that is no command word, one edit from exactly one
    /// such word. The sentence still has to be a command in every other word to count as one. Null as soon as a word of
    /// four letters or more is neither a command word nor one slip from exactly one: then no command covers the sentence,
    /// and an ordinary question stops paying for the search at its first such word.
    /// </summary>
    private string[]? CorrectCommandSlips(string[] words)
    {
        string[]? corrected = null;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            // Known words are not skipped: "begining" looks known to the stemmer ("begin" + "ing"), and the rest of the
            // sentence must still be a command for the correction to count.
            if (word.Length < MinTypoCommandLength || IsCommandFiller(word) || _commandPhrasesByFirstWord.ContainsKey(word)
                || Array.BinarySearch(_commandPhraseWords, word, StringComparer.Ordinal) >= 0 || _smallTalkWords.Contains(word))
            {
                continue;
            }

            string? fix = null;
            foreach (var candidate in _commandPhraseWords)
            {
                if (EditDistance.Distance(word, candidate, 1) <= 1)
                {
                    if (fix is not null)
                    {
                        fix = null;
                        break;
                    }

                    fix = candidate;
                }
            }

            if (fix is null)
            {
                return null;
            }

            corrected ??= (string[])words.Clone();
            corrected[i] = fix;
        }

        return corrected ?? words;
    }

    /// <summary>
    /// A message of one word that is no word the content, the stop words or small talk know and one slip away from
    /// exactly one command's one-word phrase ("hlp", "cancle", "restrat"); null otherwise.
    /// </summary>
    private BotCommand? MistypedCommand(string[] words)
    {
        if (words.Length != 1 || words[0].Length < MinTypoCommandLength - 1 || _analyzer.IsKnownWord(words[0]) || _analyzer.IsStopword(words[0])
            || _commandWords.Contains(words[0]) || _smallTalkWords.Contains(words[0]))
        {
            return null;
        }

        BotCommand? found = null;
        foreach (var (word, command) in _oneWordCommands)
        {
            if (EditDistance.Distance(words[0], word, 1) <= 1)
            {
                if (found is not null && found != command)
                {
                    return null;
                }

                found = command;
            }
        }

        return found;
    }

    /// <summary>
    /// Phrases of a command that <paramref name="command"/> takes in its stride when said with it: starting over drops
    /// what was going on, so "scrap that and start again" is the restart, not two commands.
    /// </summary>
    private static bool Absorbs(BotCommand command, BotCommand other) => command == BotCommand.Restart && other == BotCommand.Cancel;

    /// <summary>
    /// True when the words are phrases of <paramref name="command"/> (at least one), stop words and command words, in any
    /// order: a small dynamic programme from the end, so "i dont want to do this anymore" is covered by "dont want to do
    /// this anymore" even though the longer-looking "i dont want to do this" also starts there.
    /// </summary>
    private bool CoversWithStopwords(string[] words, BotCommand command)
    {
        Span<bool> covered = stackalloc bool[words.Length + 1];
        Span<bool> usesPhrase = stackalloc bool[words.Length + 1];
        covered[words.Length] = true;
        for (var i = words.Length - 1; i >= 0; i--)
        {
            if (IsCommandFiller(words[i]))
            {
                covered[i] = covered[i + 1];
                usesPhrase[i] = usesPhrase[i + 1];
            }

            if (!_commandPhrasesByFirstWord.TryGetValue(words[i], out var startingHere))
            {
                continue;
            }

            foreach (var (phrase, phraseCommand) in startingHere)
            {
                if ((phraseCommand == command || Absorbs(command, phraseCommand)) && PhraseEnd(words, i, phrase) is var end && end > 0 && covered[end])
                {
                    covered[i] = true;
                    usesPhrase[i] |= phraseCommand == command || usesPhrase[end];
                }
            }
        }

        return usesPhrase[0];
    }

    private bool IsCommandFiller(string word) => _analyzer.IsStopword(word) || _commandWords.Contains(word);

    /// <summary>
    /// Where <paramref name="phrase"/> ends when it starts at <paramref name="start"/>, allowing stop words and command
    /// words between its words (never before its first); -1 when it is not there.
    /// </summary>
    private int PhraseEnd(string[] words, int start, string[] phrase)
    {
        if (!string.Equals(words[start], phrase[0], StringComparison.Ordinal))
        {
            return -1;
        }

        var at = start + 1;
        for (var k = 1; k < phrase.Length; k++)
        {
            while (at < words.Length && !string.Equals(words[at], phrase[k], StringComparison.Ordinal))
            {
                if (!IsCommandFiller(words[at]))
                {
                    return -1;
                }

                at++;
            }

            if (at == words.Length)
            {
                return -1;
            }

            at++;
        }

        return at;
    }

    /// <summary>False when no command phrase starts at any word: then no command can cover the message.</summary>
    private bool StartsAnyCommandPhrase(string[] words)
    {
        foreach (var word in words)
        {
            if (_commandPhrasesByFirstWord.ContainsKey(word))
            {
                return true;
            }
        }

        return false;
    }

    private SmallTalkIntent? MatchSmallTalk(AnalyzedText analyzed, string exactKey)
    {
        if (_smallTalkPhrases.TryGetValue(exactKey, out var exact))
        {
            return exact;
        }

        // Only when every word is small talk (or a stop word): "hi there!", "ok thanks so much", "goodnight" spelled out.
        var words = ExpandedWords(analyzed.Normalized);
        var anySmallTalk = false;
        foreach (var word in words)
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
                if (phrase.Length > bestLength && ContainsSequence(words, phrase))
                {
                    best = intent;
                    bestLength = phrase.Length;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Whether every word outside the small-talk phrases found in the message is a stop word, and those words together
    /// name no topic ("ok what now" asks for the next step).
    /// </summary>
    private bool SmallTalkPhrasesCover(string[] words)
    {
        Span<bool> covered = words.Length <= 64 ? stackalloc bool[words.Length] : new bool[words.Length];
        foreach (var (_, phrases) in _smallTalk)
        {
            foreach (var phrase in phrases)
            {
                for (var start = 0; phrase.Length > 0 && start + phrase.Length <= words.Length; start++)
                {
                    if (words.AsSpan(start, phrase.Length).SequenceEqual(phrase))
                    {
                        covered.Slice(start, phrase.Length).Fill(true);
                    }
                }
            }
        }

        var rest = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            if (covered[i])
            {
                continue;
            }

            if (!_analyzer.IsStopword(words[i]))
            {
                return false;
            }

            rest.Add(words[i]);
        }

        return !_analyzer.TermsOf(string.Join(' ', rest)).Any(_topicTerms.Contains);
    }

    private bool MentionsTopic(AnalyzedText analyzed)
    {
        foreach (var term in analyzed.Terms)
        {
            if (_topicTerms.Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The key for whole-message lookups: normalized, shorthand spelled out ("how r u" is "how are you"), without leading
    /// fillers ("hi", "ok so", "can you") or trailing ones ("please", "mate"), so "Hi, who are you?" finds "who are you"
    /// and "help please" is the help command. At least one word is always kept.
    /// </summary>
    private string ExactKey(string text)
    {
        var words = ExpandedWords(text);
        int start = 0, end = words.Length;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var filler in _leadingFillers)
            {
                if (end - start > filler.Length && SequenceAt(words, start, filler))
                {
                    start += filler.Length;
                    changed = true;
                }
            }

            foreach (var filler in _trailingFillers)
            {
                if (end - start > filler.Length && SequenceAt(words, end - filler.Length, filler))
                {
                    end -= filler.Length;
                    changed = true;
                }
            }
        }

        return string.Join(' ', words, start, end - start);
    }

    private string[] ExpandedWords(string text)
    {
        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(text));
        if (!words.Any(_shorthand.ContainsKey))
        {
            return words;
        }

        return [.. words.SelectMany(w => _shorthand.TryGetValue(w, out var spelled) ? TextNormalizer.Tokenize(spelled) : [w])];
    }

    private static bool SequenceAt(string[] words, int start, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(words[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

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
}
