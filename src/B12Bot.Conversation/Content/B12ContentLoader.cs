using System.Text.RegularExpressions;
using B12Bot.Conversation.Text;
using YamlDotNet.RepresentationModel;

namespace B12Bot.Conversation.Content;

/// <summary>
/// Loads dialogs/*.yaml into <see cref="B12Content"/> and validates it: structure, required texts, references between
/// entries, walkthrough rules and safety signs. Any problem stops start-up with a <see cref="ContentValidationException"/>
/// that names the file and line of each problem.
/// </summary>
public static partial class B12ContentLoader
{
    public const string FaqFile = "faq.yaml";
    public const string WalkthroughFile = "walkthrough.yaml";
    public const string SafetyFile = "safety.yaml";
    public const string MessagesFile = "messages.yaml";
    public const string LanguageFile = "language.yaml";
    public const string DefaultEmergencyNumber = "911";

    public static B12Content Load(string dialogsFolder, string emergencyNumber = DefaultEmergencyNumber) =>
        Load(dialogsFolder, SafetyContacts.UnitedStates with { EmergencyNumber = emergencyNumber });

    /// <param name="contacts">The emergency number, crisis line and Poison Control number the safety messages name.</param>
    public static B12Content Load(string dialogsFolder, SafetyContacts contacts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogsFolder);
        ArgumentNullException.ThrowIfNull(contacts);
        contacts.Validate();
        var emergencyNumber = contacts.EmergencyNumber;
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(dialogsFolder))
        {
            problems.Add(new ContentProblem(dialogsFolder, 1, "the content folder does not exist"));
            throw new ContentValidationException(problems);
        }

        var language = LoadLanguage(dialogsFolder, problems, emergencyNumber);
        var faq = LoadFaq(dialogsFolder, problems, emergencyNumber);
        var messages = LoadMessages(dialogsFolder, problems, emergencyNumber, faq);
        var walkthrough = LoadWalkthrough(dialogsFolder, problems, emergencyNumber);
        var safety = LoadSafety(dialogsFolder, problems, contacts);
        var outOfScope = LoadOutOfScope(dialogsFolder, problems, emergencyNumber);
        if (problems.Count > 0 || language is null || messages is null || walkthrough is null || safety is null)
        {
            if (problems.Count == 0)
            {
                problems.Add(new ContentProblem(dialogsFolder, 1, "content could not be loaded"));
            }

            throw new ContentValidationException(problems);
        }

        return new B12Content(faq.Entries, walkthrough, safety, messages, language, emergencyNumber) { OutOfScope = outOfScope };
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdPattern();

    private static LanguageResources? LoadLanguage(string folder, List<ContentProblem> problems, string emergencyNumber)
    {
        var (reader, root) = YamlFileReader.Open(folder, LanguageFile, problems, emergencyNumber);
        if (root is null)
        {
            return null;
        }

        reader.CheckKeys(root, "the file", "stopwords", "synonyms", "topic_words", "intent_cues", "anchor_words", "foreign_words", "finding_words", "neighbour_words", "neighbour_conditions", "neighbour_medicines", "medicine_question_words", "verdict_words", "sign_words", "combining_words", "combining_phrases", "story_symptom_words", "b12_words", "b12_set_aside_words", "shot_words", "whole_message",
            "medicine_endings", "subject_turns", "referring_words", "open_question_words", "request_words", "texting", "spoken_forms", "likening");
        var stopwords = reader.StringList(root, "stopwords", "the file", required: true);
        var topicWords = reader.StringList(root, "topic_words", "the file", required: true);
        var intentCues = reader.StringList(root, "intent_cues", "the file", required: false, minimum: 0);
        var anchorWords = reader.StringList(root, "anchor_words", "the file", required: false, minimum: 0);
        var foreignWords = reader.StringList(root, "foreign_words", "the file", required: false, minimum: 0);
        var findingWords = reader.StringList(root, "finding_words", "the file", required: false, minimum: 0);
        var neighbourWords = reader.StringList(root, "neighbour_words", "the file", required: false, minimum: 0);
        var neighbourConditions = reader.StringList(root, "neighbour_conditions", "the file", required: false, minimum: 0);
        var signWords = reader.StringList(root, "sign_words", "the file", required: false, minimum: 0);
        var verdictWords = reader.StringList(root, "verdict_words", "the file", required: false, minimum: 0);
        var neighbourMedicines = reader.StringList(root, "neighbour_medicines", "the file", required: false, minimum: 0);
        var medicineQuestionWords = reader.StringList(root, "medicine_question_words", "the file", required: false, minimum: 0);
        var combiningWords = reader.StringList(root, "combining_words", "the file", required: false, minimum: 0);
        var combiningPhrases = reader.StringList(root, "combining_phrases", "the file", required: false, minimum: 0);
        var storySymptomWords = reader.StringList(root, "story_symptom_words", "the file", required: false, minimum: 0);
        var b12Words = reader.StringList(root, "b12_words", "the file", required: false, minimum: 0);
        var b12SetAsideWords = reader.StringList(root, "b12_set_aside_words", "the file", required: false, minimum: 0);
        var shotWords = reader.StringList(root, "shot_words", "the file", required: false, minimum: 0);
        var referringWords = reader.StringList(root, "referring_words", "the file", required: false, minimum: 0);
        var openQuestionWords = reader.StringList(root, "open_question_words", "the file", required: false, minimum: 0);
        var requestWords = reader.StringList(root, "request_words", "the file", required: false, minimum: 0);
        RequireOneWordEach(reader, root, "referring_words", referringWords, "referring word");
        if (shotWords.FirstOrDefault(w => !b12Words.Contains(w, StringComparer.Ordinal)) is { } notB12 && reader.Get(root, "shot_words") is { } shotNode)
        {
            reader.Problem(shotNode, $"shot word '{notB12}' is not one of the b12_words");
        }

        if (findingWords.FirstOrDefault(w => !foreignWords.Contains(w, StringComparer.Ordinal)) is { } notForeign && reader.Get(root, "finding_words") is { } findingNode)
        {
            reader.Problem(findingNode, $"finding word '{notForeign}' is not one of the foreign_words");
        }

        RequireApartFromB12AndForeign("neighbour_words", neighbourWords, "neighbour word");

        var wholeMessage = ReadWholeMessage(reader, root);
        var (medicineConcept, medicineEndings) = ReadMedicineEndings(reader, root);
        var subjectTurns = reader.StringList(root, "subject_turns", "the file", required: false, minimum: 0);
        if (subjectTurns.FirstOrDefault(w => TextNormalizer.Normalize(w).Length == 0) is { } empty && reader.Get(root, "subject_turns") is { } turnsNode)
        {
            reader.Problem(turnsNode, $"subject turn '{empty}' has no letters or digits");
        }

        var spokenForms = ReadSpokenForms(reader, root);
        var likening = ReadLikening(reader, root, foreignWords);
        var texting = reader.Get(root, "texting") is { } textingNode ? ReadWordMap(reader, textingNode, "texting", oneWordEach: true) : new Dictionary<string, string>();
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var synonymsNode = reader.Get(root, "synonyms");
        if (synonymsNode is null)
        {
            reader.Problem(root, "the file is missing 'synonyms'");
        }
        else if (reader.Mapping(synonymsNode, "'synonyms'") is { } map)
        {
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var concept = reader.Scalar(keyNode, "a concept name");
                if (concept is null)
                {
                    continue;
                }

                if (!IdPattern().IsMatch(concept))
                {
                    reader.Problem(keyNode, $"concept name '{concept}' must be lower-case letters, digits and underscores");
                }

                var variants = new List<string>();
                if (reader.Sequence(valueNode, $"synonyms of '{concept}'") is { } list)
                {
                    foreach (var item in list.Children)
                    {
                        var variant = reader.Scalar(item, $"a synonym of '{concept}'");
                        if (variant is null)
                        {
                            continue;
                        }

                        var normalized = TextNormalizer.Normalize(variant);
                        if (normalized.Length == 0)
                        {
                            reader.Problem(item, $"synonym '{variant}' of '{concept}' has no letters or digits");
                            continue;
                        }

                        if (owner.TryGetValue(normalized, out var other) && other != concept)
                        {
                            reader.Problem(item, $"'{variant}' is listed under both '{other}' and '{concept}'");
                            continue;
                        }

                        owner[normalized] = concept;
                        variants.Add(variant);
                    }
                }

                synonyms[concept] = variants;
            }
        }

        RequireConcepts(reader, root, "intent_cues", intentCues, synonyms, "intent cue");
        RequireConcepts(reader, root, "open_question_words", openQuestionWords, synonyms, "open question word");
        RequireConcepts(reader, root, "request_words", requestWords, synonyms, "request word");
        RequireConcepts(reader, root, "foreign_words", foreignWords, synonyms, "foreign word");
        RequireConcepts(reader, root, "neighbour_conditions", neighbourConditions, synonyms, "neighbour condition");
        RequireConcepts(reader, root, "sign_words", signWords, synonyms, "sign word");
        RequireConcepts(reader, root, "neighbour_medicines", neighbourMedicines, synonyms, "neighbour medicine");
        RequireConcepts(reader, root, "medicine_question_words", medicineQuestionWords, synonyms, "medicine question word");
        RequireConcepts(reader, root, "combining_words", combiningWords, synonyms, "combining word");
        RequireConcepts(reader, root, "b12_set_aside_words", b12SetAsideWords, synonyms, "B12 set-aside word");
        RequireConcepts(reader, root, "story_symptom_words", storySymptomWords, synonyms, "story symptom word");
        if (medicineConcept is not null && !foreignWords.Contains(medicineConcept, StringComparer.Ordinal) && reader.Get(root, "medicine_endings") is { } medicineNode)
        {
            reader.Problem(medicineNode, $"medicine ending concept '{medicineConcept}' is not one of the foreign_words");
        }

        RequireApartFromB12AndForeign("neighbour_medicines", neighbourMedicines, "neighbour medicine");
        RequireApartFromB12AndForeign("neighbour_conditions", neighbourConditions, "neighbour condition");

        return new LanguageResources
        {
            Stopwords = stopwords, Synonyms = synonyms, TopicWords = topicWords, IntentCues = intentCues, AnchorWords = anchorWords,
            ForeignWords = foreignWords, FindingWords = findingWords, NeighbourWords = neighbourWords, NeighbourConditions = neighbourConditions, SignWords = signWords, NeighbourMedicines = neighbourMedicines, VerdictWords = verdictWords, MedicineQuestionWords = medicineQuestionWords, CombiningWords = combiningWords, CombiningPhrases = combiningPhrases, StorySymptomWords = storySymptomWords, B12Words = b12Words, B12SetAsideWords = b12SetAsideWords, ShotWords = shotWords, LeadingFillers = wholeMessage.Leading, TrailingFillers = wholeMessage.Trailing, CommandWords = wholeMessage.CommandWords, ReasonOpeners = wholeMessage.ReasonOpeners, ReasonOwners = wholeMessage.ReasonOwners, TellerWords = wholeMessage.TellerWords, ChatWords = wholeMessage.ChatWords, CheckWords = wholeMessage.CheckWords,
            Shorthand = WholeMessageShorthand(texting, wholeMessage.Shorthand), Texting = texting, ReferringWords = referringWords, OpenQuestionWords = openQuestionWords,
            RequestWords = requestWords, MedicineEndingConcept = medicineConcept, MedicineEndings = medicineEndings, SubjectTurns = subjectTurns,
            SpokenForms = spokenForms, Likening = likening,
        };

        // A neighbour of B12 (a word, a medicine, a condition) is read beside B12, so it may be neither B12 nor another subject.
        void RequireApartFromB12AndForeign(string key, IReadOnlyList<string> concepts, string what)
        {
            if (concepts.FirstOrDefault(w => b12Words.Contains(w, StringComparer.Ordinal) || foreignWords.Contains(w, StringComparer.Ordinal)) is { } both
                && reader.Get(root, key) is { } node)
            {
                reader.Problem(node, $"{what} '{both}' is also one of the b12_words or foreign_words");
            }
        }
    }

    /// <summary>
    /// The shorthand a whole-message lookup spells out: the texting words ("u", "r", "pls"), which are spelled out before
    /// any reading anyway, and the whole-message section's own, which may be several words or a command's plain word
    /// ("whats: what is", "ty: thank you", "begin: start") and win over a texting word of the same spelling.
    /// </summary>
    private static Dictionary<string, string> WholeMessageShorthand(IReadOnlyDictionary<string, string> texting, IReadOnlyDictionary<string, string> own)
    {
        var merged = new Dictionary<string, string>(texting, StringComparer.Ordinal);
        foreach (var (word, spelled) in own)
        {
            merged[word] = spelled;
        }

        return merged;
    }

    /// <summary>The "whole_message" section: leading and trailing fillers, command words and shorthand (word -> spelled out).</summary>
    private static WholeMessageWords ReadWholeMessage(
        YamlFileReader reader, YamlMappingNode root)
    {
        var shorthand = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Get(root, "whole_message") is not { } node || reader.Mapping(node, "'whole_message'") is not { } section)
        {
            return new WholeMessageWords([], [], [], [], [], [], [], [], shorthand);
        }

        reader.CheckKeys(section, "'whole_message'", "leading", "trailing", "command_words", "reason_openers", "reason_owners", "teller_words", "chat_words", "check_words", "shorthand");
        var leading = reader.StringList(section, "leading", "'whole_message'", required: false, minimum: 0);
        var trailing = reader.StringList(section, "trailing", "'whole_message'", required: false, minimum: 0);
        var commandWords = OneWordEach("command_words", "command word");
        var reasonOpeners = OneWordEach("reason_openers", "reason opener");
        var reasonOwners = OneWordEach("reason_owners", "reason owner");
        var tellerWords = OneWordEach("teller_words", "teller word");
        var chatWords = OneWordEach("chat_words", "chat word");
        var checkWords = OneWordEach("check_words", "check word");
        if (reader.Get(section, "shorthand") is { } shorthandNode)
        {
            shorthand = ReadWordMap(reader, shorthandNode, "shorthand", oneWordEach: false);
        }

        return new WholeMessageWords(leading, trailing, commandWords, reasonOpeners, reasonOwners, tellerWords, chatWords, checkWords, shorthand);

        IReadOnlyList<string> OneWordEach(string key, string what)
        {
            var words = reader.StringList(section, key, "'whole_message'", required: false, minimum: 0);
            RequireOneWordEach(reader, section, key, words, what);
            return words;
        }
    }

    /// <summary>A map of words to their spelling out ("u: you"), normalized; with <paramref name="oneWordEach"/>, one word for one word.</summary>
    private static Dictionary<string, string> ReadWordMap(YamlFileReader reader, YamlNode node, string name, bool oneWordEach)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Mapping(node, $"'{name}'") is not { } map)
        {
            return words;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var word = reader.Scalar(keyNode, $"a {name} word");
            var spelled = reader.Scalar(valueNode, $"the spelling out of '{word}'");
            if (word is null || spelled is null)
            {
                continue;
            }

            var key = TextNormalizer.Normalize(word);
            var value = TextNormalizer.Normalize(spelled);
            if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal))
            {
                reader.Problem(keyNode, $"{name} '{word}' must be one word");
            }
            else if (oneWordEach && (value.Length == 0 || value.Contains(' ', StringComparison.Ordinal)))
            {
                reader.Problem(valueNode, $"{name} '{word}' must be spelled out as one word");
            }
            else if (!words.TryAdd(key, value))
            {
                reader.Problem(keyNode, $"{name} '{word}' is listed twice");
            }
        }

        return words;
    }

    /// <summary>
    /// The likening section: one-word likening words, gap words and not-after words, and the concepts it may set aside,
    /// each one of the foreign_words (a B12 concept likened would still be B12).
    /// </summary>
    private static Likening ReadLikening(YamlFileReader reader, YamlMappingNode root, IReadOnlyList<string> foreignWords)
    {
        if (reader.Get(root, "likening") is not { } node || reader.Mapping(node, "'likening'") is not { } section)
        {
            return Likening.None;
        }

        reader.CheckKeys(section, "'likening'", "words", "gap", "concepts", "not_after");
        var words = reader.StringList(section, "words", "'likening'", required: true);
        var gap = reader.StringList(section, "gap", "'likening'", required: false, minimum: 0);
        var concepts = reader.StringList(section, "concepts", "'likening'", required: true);
        var notAfter = reader.StringList(section, "not_after", "'likening'", required: false, minimum: 0);
        RequireOneWordEach(reader, section, "words", words, "likening word");
        RequireOneWordEach(reader, section, "gap", gap, "likening gap word");
        RequireOneWordEach(reader, section, "not_after", notAfter, "likening not_after word");
        if (concepts.FirstOrDefault(c => !foreignWords.Contains(c, StringComparer.Ordinal)) is { } notForeign)
        {
            reader.Problem(reader.Get(section, "concepts")!, $"likened concept '{notForeign}' is not one of the foreign_words");
        }

        return new Likening(words, gap, concepts, notAfter);
    }

    /// <summary>
    /// The spoken_forms section: each written form with the phrases voice typing writes for it (words of letters or digits,
    /// no phrase twice), and the verb a phrase may start with and the words after which it is that verb.
    /// </summary>
    private static SpokenForms ReadSpokenForms(YamlFileReader reader, YamlMappingNode root)
    {
        if (reader.Get(root, "spoken_forms") is not { } node || reader.Mapping(node, "'spoken_forms'") is not { } section)
        {
            return SpokenForms.None;
        }

        reader.CheckKeys(section, "'spoken_forms'", "written", "verb", "verb_after", "verb_unless_before");
        var forms = new List<SpokenForm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (reader.Get(section, "written") is { } writtenNode && reader.Mapping(writtenNode, "'spoken_forms: written'") is { } written)
        {
            foreach (var (keyNode, valueNode) in written.Children)
            {
                var form = reader.Scalar(keyNode, "a written form");
                if (form is null)
                {
                    continue;
                }

                if (TextNormalizer.Normalize(form).Length == 0)
                {
                    reader.Problem(keyNode, $"written form '{form}' has no letters or digits");
                    continue;
                }

                var spoken = reader.StringList(valueNode, $"the spoken forms of '{form}'");
                foreach (var phrase in spoken)
                {
                    var normalized = TextNormalizer.Normalize(phrase);
                    if (normalized.Length == 0)
                    {
                        reader.Problem(valueNode, $"spoken form '{phrase}' of '{form}' has no letters or digits");
                    }
                    else if (!seen.Add(normalized))
                    {
                        reader.Problem(valueNode, $"spoken form '{phrase}' is listed twice");
                    }
                }

                forms.Add(new SpokenForm(form, spoken));
            }
        }
        else
        {
            reader.Problem(section, "'spoken_forms' is missing 'written'");
        }

        var verb = reader.OptionalString(section, "verb", "'spoken_forms'");
        if (verb is not null && TextNormalizer.Normalize(verb) is var v && (v.Length == 0 || v.Contains(' ', StringComparison.Ordinal)))
        {
            reader.Problem(reader.Get(section, "verb") ?? section, $"spoken_forms verb '{verb}' must be one word");
        }

        var verbAfter = reader.StringList(section, "verb_after", "'spoken_forms'", required: false, minimum: 0);
        var verbUnlessBefore = reader.StringList(section, "verb_unless_before", "'spoken_forms'", required: false, minimum: 0);
        RequireOneWordEach(reader, section, "verb_after", verbAfter, "verb_after entry");
        RequireOneWordEach(reader, section, "verb_unless_before", verbUnlessBefore, "verb_unless_before entry");
        return new SpokenForms(forms, verb, verbAfter, verbUnlessBefore);
    }

    /// <summary>The medicine_endings section: the concept a word with such an ending is read as, and the endings.</summary>
    private static (string? Concept, IReadOnlyList<string> Endings) ReadMedicineEndings(YamlFileReader reader, YamlMappingNode root)
    {
        if (reader.Get(root, "medicine_endings") is not { } node || reader.Mapping(node, "'medicine_endings'") is not { } section)
        {
            return (null, []);
        }

        reader.CheckKeys(section, "'medicine_endings'", "concept", "endings");
        var concept = reader.Get(section, "concept") is { } conceptNode ? reader.Scalar(conceptNode, "the medicine ending concept") : null;
        if (concept is null)
        {
            reader.Problem(section, "'medicine_endings' is missing 'concept'");
        }

        var endings = reader.StringList(section, "endings", "'medicine_endings'", required: true);
        if (endings.FirstOrDefault(e => e.Length < 3 || !e.All(char.IsAsciiLetterLower)) is { } bad && reader.Get(section, "endings") is { } endingsNode)
        {
            reader.Problem(endingsNode, $"medicine ending '{bad}' must be three or more lower-case letters");
        }

        return (concept, endings);
    }

    /// <summary>Reports each word of the list under <paramref name="key"/> that names no concept under 'synonyms'.</summary>
    private static void RequireConcepts(YamlFileReader reader, YamlMappingNode section, string key, IReadOnlyList<string> words,
        Dictionary<string, IReadOnlyList<string>> synonyms, string what)
    {
        foreach (var word in words)
        {
            if (!synonyms.ContainsKey(word) && reader.Get(section, key) is { } node)
            {
                reader.Problem(node, $"{what} '{word}' is not a concept under 'synonyms'");
            }
        }
    }

    /// <summary>Reports the first of <paramref name="words"/> (the list under <paramref name="key"/>) that is not one word once normalized.</summary>
    private static void RequireOneWordEach(YamlFileReader reader, YamlMappingNode section, string key, IReadOnlyList<string> words, string what)
    {
        if (words.FirstOrDefault(w => TextNormalizer.Normalize(w) is var n && (n.Length == 0 || n.Contains(' ', StringComparison.Ordinal))) is { } notOneWord
            && reader.Get(section, key) is { } node)
        {
            reader.Problem(node, $"{what} '{notOneWord}' must be one word");
        }
    }

    private static (IReadOnlyList<FaqEntry> Entries, Dictionary<string, YamlNode> Nodes) LoadFaq(string folder, List<ContentProblem> problems, string emergencyNumber)
    {
        var entries = new List<FaqEntry>();
        var nodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var (reader, root) = YamlFileReader.Open(folder, FaqFile, problems, emergencyNumber);
        if (root is null)
        {
            return (entries, nodes);
        }

        reader.CheckKeys(root, "the file", "entries");
        var list = reader.Sequence(reader.Get(root, "entries"), "'entries'");
        if (list is null)
        {
            reader.Problem(root, "the file needs an 'entries' list");
            return (entries, nodes);
        }

        var followUpNodes = new List<(string Id, YamlNode Node, IReadOnlyList<string> FollowUps)>();
        foreach (var item in list.Children)
        {
            if (reader.Mapping(item, "an FAQ entry") is not { } map)
            {
                continue;
            }

            var id = reader.RequiredString(map, "id", "an FAQ entry");
            var what = id is null ? "an FAQ entry" : $"FAQ entry '{id}'";
            reader.CheckKeys(map, what, "id", "title", "source", "questions", "examples", "keywords", "answer", "follow_ups", "only_about_b12");
            var title = reader.RequiredString(map, "title", what);
            var source = reader.RequiredString(map, "source", what);
            var questions = reader.StringList(map, "questions", what, required: true, minimum: 3);
            var examples = reader.StringList(map, "examples", what, required: false, minimum: 0);
            var keywords = reader.StringList(map, "keywords", what, required: false, minimum: 0);
            var answer = reader.RequiredText(map, "answer", what);
            var followUps = reader.StringList(map, "follow_ups", what, required: true, minimum: 1);
            var onlyAboutB12 = reader.Bool(map, "only_about_b12", what);
            if (followUps.Count > 3 && reader.Get(map, "follow_ups") is { } tooMany)
            {
                reader.Problem(tooMany, $"{what} suggests {followUps.Count} follow-ups; keep it to 3 or fewer");
            }

            if (id is null)
            {
                continue;
            }

            if (!IdPattern().IsMatch(id))
            {
                reader.Problem(reader.Get(map, "id")!, $"id '{id}' must be lower-case letters, digits and underscores");
            }

            if (nodes.ContainsKey(id))
            {
                reader.Problem(reader.Get(map, "id")!, $"id '{id}' is used by another entry too");
                continue;
            }

            nodes[id] = map;
            if (title is not null && source is not null && answer is not null)
            {
                entries.Add(new FaqEntry(id, title, source, questions, keywords, answer, followUps) { Examples = examples, OnlyAboutB12 = onlyAboutB12 });
            }

            if (reader.Get(map, "follow_ups") is { } followUpNode)
            {
                followUpNodes.Add((id, followUpNode, followUps));
            }
        }

        foreach (var (id, node, followUps) in followUpNodes)
        {
            foreach (var followUp in followUps)
            {
                if (followUp == id)
                {
                    reader.Problem(node, $"FAQ entry '{id}' suggests itself as a follow-up");
                }
                else if (!nodes.ContainsKey(followUp))
                {
                    reader.Problem(node, $"FAQ entry '{id}' suggests '{followUp}', which is not an entry id");
                }
            }
        }

        CheckDuplicateTitles(reader, entries, nodes);
        return (entries, nodes);
    }

    private static void CheckDuplicateTitles(YamlFileReader reader, List<FaqEntry> entries, Dictionary<string, YamlNode> nodes)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = TextNormalizer.Normalize(entry.Title);
            if (seen.TryGetValue(key, out var other))
            {
                reader.Problem(nodes[entry.Id], $"FAQ entry '{entry.Id}' has the same title as '{other}'; titles are button labels and must differ");
            }
            else
            {
                seen[key] = entry.Id;
            }
        }
    }

    private static BotMessages? LoadMessages(string folder, List<ContentProblem> problems, string emergencyNumber, (IReadOnlyList<FaqEntry> Entries, Dictionary<string, YamlNode> Nodes) faq)
    {
        var (reader, root) = YamlFileReader.Open(folder, MessagesFile, problems, emergencyNumber);
        if (root is null)
        {
            return null;
        }

        reader.CheckKeys(root, "the file", "texts", "main_topics", "small_talk", "commands");
        var texts = reader.Mapping(reader.Get(root, "texts"), "'texts'");
        if (texts is null)
        {
            reader.Problem(root, "the file needs a 'texts' mapping");
            return null;
        }

        string[] required = ["welcome", "help", "out_of_scope", "not_sure", "fallback", "nothing_to_cancel", "nothing_to_go_back_to", "restarted", "non_text", "too_long",
            "privacy_notice", "consent_question", "consent_given", "consent_declined", "forget_me_question", "forget_me_done", "forget_me_kept"];
        reader.CheckKeys(texts, "'texts'", required);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in required)
        {
            if (reader.RequiredText(texts, key, "'texts'") is { } text)
            {
                values[key] = text;
            }
        }

        var mainTopics = reader.StringList(root, "main_topics", "the file", required: true, minimum: 1);
        foreach (var topic in mainTopics)
        {
            if (faq.Nodes.Count > 0 && !faq.Nodes.ContainsKey(topic))
            {
                reader.Problem(reader.Get(root, "main_topics")!, $"main topic '{topic}' is not an FAQ entry id");
            }
        }

        var smallTalk = new List<SmallTalkIntent>();
        if (reader.Sequence(reader.Get(root, "small_talk"), "'small_talk'") is { } talkList)
        {
            foreach (var item in talkList.Children)
            {
                if (reader.Mapping(item, "a small-talk item") is not { } map)
                {
                    continue;
                }

                var id = reader.RequiredString(map, "id", "a small-talk item");
                var what = $"small-talk item '{id}'";
                reader.CheckKeys(map, what, "id", "phrases", "emoji", "with_a_telling", "reply");
                var phrases = reader.StringList(map, "phrases", what, required: true);
                var emoji = reader.StringList(map, "emoji", what, required: false);
                foreach (var symbol in emoji.Where(e => !EmojiReading.IsEmojiOnly(e)))
                {
                    reader.Problem(reader.Get(map, "emoji")!, $"'{symbol}' in 'emoji' of {what} is not only emoji; words go in 'phrases'");
                }

                var withATelling = reader.Bool(map, "with_a_telling", what);
                var reply = reader.RequiredText(map, "reply", what);
                if (id is not null && reply is not null)
                {
                    smallTalk.Add(new SmallTalkIntent(id, phrases, reply) { Emoji = emoji, WithATelling = withATelling });
                }
            }
        }
        else
        {
            reader.Problem(root, "the file needs a 'small_talk' list");
        }

        var commands = new Dictionary<BotCommand, IReadOnlyList<string>>();
        if (reader.Mapping(reader.Get(root, "commands"), "'commands'") is { } commandMap)
        {
            reader.CheckKeys(commandMap, "'commands'", [.. Enum.GetValues<BotCommand>().Select(CommandKey)]);
            foreach (var command in Enum.GetValues<BotCommand>())
            {
                var key = CommandKey(command);
                commands[command] = reader.StringList(commandMap, key, "'commands'", required: true);
            }
        }
        else
        {
            reader.Problem(root, "the file needs a 'commands' mapping");
        }

        if (values.Count < required.Length)
        {
            return null;
        }

        return new BotMessages
        {
            Welcome = values["welcome"],
            Help = values["help"],
            OutOfScope = values["out_of_scope"],
            NotSure = values["not_sure"],
            Fallback = values["fallback"],
            NothingToCancel = values["nothing_to_cancel"],
            NothingToGoBackTo = values["nothing_to_go_back_to"],
            Restarted = values["restarted"],
            NonText = values["non_text"],
            TooLong = values["too_long"],
            PrivacyNotice = values["privacy_notice"],
            ConsentQuestion = values["consent_question"],
            ConsentGiven = values["consent_given"],
            ConsentDeclined = values["consent_declined"],
            ForgetMeQuestion = values["forget_me_question"],
            ForgetMeDone = values["forget_me_done"],
            ForgetMeKept = values["forget_me_kept"],
            MainTopics = mainTopics,
            SmallTalk = smallTalk,
            Commands = commands,
        };
    }

    /// <summary>The key of a command in messages.yaml: its name in snake case ("forget_me").</summary>
    private static string CommandKey(BotCommand command) => command == BotCommand.ForgetMe ? "forget_me" : command.ToString().ToLowerInvariant();
}

/// <summary>The words of language.yaml's "whole_message" section, as read (see <see cref="LanguageResources"/>).</summary>
internal sealed record WholeMessageWords(IReadOnlyList<string> Leading, IReadOnlyList<string> Trailing, IReadOnlyList<string> CommandWords,
    IReadOnlyList<string> ReasonOpeners, IReadOnlyList<string> ReasonOwners, IReadOnlyList<string> TellerWords, IReadOnlyList<string> ChatWords, IReadOnlyList<string> CheckWords,
    IReadOnlyDictionary<string, string> Shorthand);
