using B12Bot.Conversation.Safety;
using YamlDotNet.RepresentationModel;

namespace B12Bot.Conversation.Content;

public static partial class B12ContentLoader
{
    public const string DefaultCrisisLine = "988";
    public const string DefaultPoisonControlNumber = "1-800-222-1222";

    private const string CrisisLinePlaceholder = "{crisisLine}";
    private const string PoisonControlPlaceholder = "{poisonControlNumber}";

    private static readonly Dictionary<string, TriageClass> SignClasses = new(StringComparer.Ordinal)
    {
        ["emergency"] = TriageClass.Emergency,
        ["crisis"] = TriageClass.Crisis,
        ["poisoning"] = TriageClass.Poisoning,
        ["possible_reaction"] = TriageClass.PossibleReaction,
    };

    private static SafetyRules? LoadSafety(string folder, List<ContentProblem> problems, SafetyContacts contacts)
    {
        var (reader, root) = YamlFileReader.Open(folder, SafetyFile, problems, contacts.EmergencyNumber);
        if (root is null)
        {
            return null;
        }

        const string File = "the file";
        string[] lists = ["negators", "negation_breaks", "sentence_breaks", "question_frames", "question_openers", "first_person", "urgency",
            "history_markers", "distant_past_markers", "long_standing_markers", "durations", "deficiency_markers", "acute_markers", "present_markers", "known_words",
            "call_advice", "calm_now", "list_joiners", "list_fillers", "exclamations", "read_as_nothing"];
        reader.CheckKeys(root, File, [.. lists, "urgent_message", "crisis_message", "poisoning_message", "reaction_check", "window", "negation_window",
            "word_classes", "signs", BackstopKey]);

        var phoneTexts = new SafetyTextReader(reader, contacts);
        var urgentMessage = phoneTexts.Read(root, "urgent_message", File, YamlFileReader.EmergencyNumberPlaceholder);
        var crisisMessage = phoneTexts.Read(root, "crisis_message", File, CrisisLinePlaceholder, YamlFileReader.EmergencyNumberPlaceholder);
        var poisoningMessage = phoneTexts.Read(root, "poisoning_message", File, PoisonControlPlaceholder, YamlFileReader.EmergencyNumberPlaceholder);
        ReactionCheckTexts? reactionCheck = null;
        if (reader.Mapping(reader.Get(root, "reaction_check"), "'reaction_check'") is { } checkMap)
        {
            const string Check = "'reaction_check'";
            reader.CheckKeys(checkMap, Check, "question", "yes", "no", "retry", "watch_for", "yes_answers", "no_answers");
            var question = phoneTexts.Read(checkMap, "question", Check);
            var yes = reader.RequiredString(checkMap, "yes", Check);
            var no = reader.RequiredString(checkMap, "no", Check);
            var retry = phoneTexts.Read(checkMap, "retry", Check);
            var watchFor = phoneTexts.Read(checkMap, "watch_for", Check, YamlFileReader.EmergencyNumberPlaceholder);
            var yesAnswers = reader.StringList(checkMap, "yes_answers", Check, required: true);
            var noAnswers = reader.StringList(checkMap, "no_answers", Check, required: true);
            foreach (var answer in yesAnswers.Intersect(noAnswers, StringComparer.OrdinalIgnoreCase))
            {
                reader.Problem(reader.Get(checkMap, "no_answers")!, $"'{answer}' is under both 'yes_answers' and 'no_answers'");
            }
            if (yes is not null && no is not null && string.Equals(yes, no, StringComparison.OrdinalIgnoreCase))
            {
                reader.Problem(checkMap, "'reaction_check' needs two different button labels for 'yes' and 'no'");
            }

            if (question is not null && yes is not null && no is not null && retry is not null && watchFor is not null)
            {
                reactionCheck = new ReactionCheckTexts(question, yes, no, retry, watchFor, [yes, .. yesAnswers], [no, .. noAnswers]);
            }
        }
        else
        {
            reader.Problem(root, "the file needs a 'reaction_check' mapping");
        }

        var window = reader.Int(root, "window", File, 5, 1, 20);
        var negationWindow = reader.Int(root, "negation_window", File, 3, 1, 10);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in lists)
        {
            values[key] = reader.PhraseList(root, key, File, required: true);
        }

        // The list words are compared with single words of a message, so a phrase there could never match.
        foreach (var key in new[] { "list_joiners", "list_fillers" })
        {
            foreach (var word in PhraseAlternatives.ExpandAll(values[key]).Where(w => w.Trim().Contains(' ', StringComparison.Ordinal)))
            {
                reader.Problem(reader.Get(root, key)!, $"'{key}' lists '{word}': one word (or ',') an item");
            }
        }

        // A calming phrase only quiets the urgency words inside it: one without any would do nothing.
        var urgency = PhraseAlternatives.ExpandAll(values["urgency"]).ToList();
        foreach (var calm in PhraseAlternatives.ExpandAll(values["calm_now"]).Where(c => !urgency.Exists(u => ContainsWords(c, u))))
        {
            reader.Problem(reader.Get(root, "calm_now")!, $"'calm_now' lists '{calm}', which holds no phrase of 'urgency'");
        }

        // An exclamation only keeps the negators inside it from negating: one without any would do nothing.
        var negators = PhraseAlternatives.ExpandAll(values["negators"]).ToList();
        foreach (var exclamation in PhraseAlternatives.ExpandAll(values["exclamations"]).Where(e => !negators.Exists(n => ContainsWords(e, n))))
        {
            reader.Problem(reader.Get(root, "exclamations")!, $"'exclamations' lists '{exclamation}', which holds no word of 'negators'");
        }

        var classes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (reader.Mapping(reader.Get(root, "word_classes"), "'word_classes'") is { } classMap)
        {
            foreach (var (keyNode, valueNode) in classMap.Children)
            {
                if (reader.Scalar(keyNode, "a word class name") is { } name)
                {
                    classes[name] = reader.PhraseList(valueNode, $"word class '{name}'");
                }
            }
        }
        else
        {
            reader.Problem(root, "the file needs a 'word_classes' mapping");
        }

        var signs = LoadSigns(reader, root, classes, window);
        var backstop = LoadSafetyBackstop(reader, root);
        if (urgentMessage is null || crisisMessage is null || poisoningMessage is null || reactionCheck is null || signs.Count == 0)
        {
            return null;
        }

        return new SafetyRules
        {
            UrgentMessage = urgentMessage,
            CrisisMessage = crisisMessage,
            PoisoningMessage = poisoningMessage,
            ReactionCheck = reactionCheck,
            NegationWindow = negationWindow,
            WordClasses = classes,
            Signs = signs,
            Negators = values["negators"],
            NegationBreaks = values["negation_breaks"],
            SentenceBreaks = values["sentence_breaks"],
            QuestionFrames = values["question_frames"],
            QuestionOpeners = values["question_openers"],
            FirstPerson = values["first_person"],
            Urgency = values["urgency"],
            HistoryMarkers = values["history_markers"],
            DistantPastMarkers = values["distant_past_markers"],
            LongStandingMarkers = values["long_standing_markers"],
            Durations = values["durations"],
            DeficiencyMarkers = values["deficiency_markers"],
            AcuteMarkers = values["acute_markers"],
            PresentMarkers = values["present_markers"],
            KnownWords = values["known_words"],
            CallAdvice = values["call_advice"],
            CalmNow = values["calm_now"],
            ListJoiners = values["list_joiners"],
            ListFillers = values["list_fillers"],
            Exclamations = values["exclamations"],
            ReadAsNothing = values["read_as_nothing"],
            Backstop = backstop,
        };
    }

    /// <summary>Whether <paramref name="phrase"/> holds <paramref name="part"/> as whole words.</summary>
    private static bool ContainsWords(string phrase, string part) =>
        $" {phrase.Trim().ToLowerInvariant()} ".Contains($" {part.Trim().ToLowerInvariant()} ", StringComparison.Ordinal);

    private static List<SafetySign> LoadSigns(YamlFileReader reader, YamlMappingNode root, Dictionary<string, IReadOnlyList<string>> classes, int window)
    {
        var signs = new List<SafetySign>();
        if (reader.Sequence(reader.Get(root, "signs"), "'signs'") is not { } signList)
        {
            reader.Problem(root, "the file needs a 'signs' list");
            return signs;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in signList.Children)
        {
            if (reader.Mapping(item, "a sign") is not { } map)
            {
                continue;
            }

            var id = reader.RequiredString(map, "id", "a sign");
            var what = $"sign '{id}'";
            reader.CheckKeys(map, what, "id", "class", "all", "unless", "unless_nearer", "window", "ordered", "history_sensitive", "long_standing_sensitive",
                "even_in_questions", "even_in_past", "even_in_questions_with", "across_sentences", "not_in_questions",
                "unless_in_message", "unless_together_in_message");
            if (id is not null && !ids.Add(id))
            {
                reader.Problem(map, $"sign id '{id}' is used twice");
            }

            var signClass = TriageClass.Emergency;
            if (reader.OptionalString(map, "class", what) is { } className && !SignClasses.TryGetValue(className, out signClass))
            {
                reader.Problem(reader.Get(map, "class")!, $"{what} has class '{className}' (expected one of: {string.Join(", ", SignClasses.Keys)})");
            }

            var all = reader.StringList(map, "all", what, required: true);
            var unless = reader.StringList(map, "unless", what, required: false, minimum: 0);
            var unlessNearer = reader.StringList(map, "unless_nearer", what, required: false, minimum: 0);
            var evenInQuestionsWith = reader.StringList(map, "even_in_questions_with", what, required: false, minimum: 0);
            var notInQuestions = reader.StringList(map, "not_in_questions", what, required: false, minimum: 0);
            var unlessInMessage = reader.StringList(map, "unless_in_message", what, required: false, minimum: 0);
            var unlessTogether = reader.StringList(map, "unless_together_in_message", what, required: false, minimum: 0);
            if (unlessTogether.Count == 1 && reader.Get(map, "unless_together_in_message") is { } togetherNode)
            {
                reader.Problem(togetherNode, $"{what} lists one class under 'unless_together_in_message'; use 'unless_in_message'");
            }
            if (all.Count > 3 && reader.Get(map, "all") is { } allNode)
            {
                reader.Problem(allNode, $"{what} combines {all.Count} classes; at most 3 are supported");
            }

            foreach (var (key, names) in new[] { ("all", all), ("unless", unless), ("unless_nearer", unlessNearer), ("even_in_questions_with", evenInQuestionsWith), ("not_in_questions", notInQuestions),
                ("unless_in_message", unlessInMessage), ("unless_together_in_message", unlessTogether) })
            {
                foreach (var name in names)
                {
                    if (!classes.ContainsKey(name))
                    {
                        reader.Problem(reader.Get(map, key) ?? map, $"{what} uses word class '{name}', which is not under 'word_classes'");
                    }
                }
            }

            // up to 30 words: a sign read across sentences spans two of them ("very faint ... welts on my arms")
            var signWindow = reader.Int(map, "window", what, window, 1, 30);
            if (id is not null)
            {
                signs.Add(new SafetySign(id, signClass, all, unless, unlessNearer, signWindow, reader.Bool(map, "ordered", what), reader.Bool(map, "history_sensitive", what),
                    reader.Bool(map, "long_standing_sensitive", what), reader.Bool(map, "even_in_questions", what), reader.Bool(map, "even_in_past", what))
                {
                    AcrossSentences = reader.Bool(map, "across_sentences", what),
                    EvenInQuestionsWith = evenInQuestionsWith,
                    NotInQuestions = notInQuestions,
                    UnlessInMessage = unlessInMessage,
                    UnlessTogetherInMessage = unlessTogether,
                });
            }
        }

        return signs;
    }

    /// <summary>Reads a safety text and turns its phone placeholders into tap-to-call links, checking the ones it must name.</summary>
    private sealed class SafetyTextReader(YamlFileReader reader, SafetyContacts contacts)
    {
        public string? Read(YamlMappingNode map, string key, string what, params string[] mustName)
        {
            var node = reader.Get(map, key);
            if (node is null)
            {
                reader.Problem(map, $"{what} is missing '{key}'");
                return null;
            }

            var raw = reader.Scalar(node, $"'{key}'");
            if (raw is null)
            {
                return null;
            }

            foreach (var placeholder in mustName)
            {
                if (!raw.Contains(placeholder, StringComparison.Ordinal))
                {
                    reader.Problem(node, $"'{key}' must tell people to call {placeholder}");
                }
            }

            var linked = raw
                .Replace(YamlFileReader.EmergencyNumberPlaceholder, PhoneLink.Markdown(contacts.EmergencyNumber), StringComparison.Ordinal)
                .Replace(CrisisLinePlaceholder, PhoneLink.Markdown(contacts.CrisisLine), StringComparison.Ordinal)
                .Replace(PoisonControlPlaceholder, PhoneLink.Markdown(contacts.PoisonControlNumber), StringComparison.Ordinal);
            return reader.Text(node, linked);
        }
    }
}
