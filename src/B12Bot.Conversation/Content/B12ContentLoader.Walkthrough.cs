using B12Bot.Conversation.Text;
using YamlDotNet.RepresentationModel;

namespace B12Bot.Conversation.Content;

public static partial class B12ContentLoader
{
    private static Walkthrough? LoadWalkthrough(string folder, List<ContentProblem> problems, string emergencyNumber)
    {
        var (reader, root) = YamlFileReader.Open(folder, WalkthroughFile, problems, emergencyNumber);
        if (root is null)
        {
            return null;
        }

        const string File = "the file";
        reader.CheckKeys(root, File, "title", "triggers", "intro", "retry", "resume", "cancelled", "restarted", "at_first_question", "help",
            "summary_heading", "next_steps", "choice_sets", "questions", "rules", "outcomes", "notes");
        var title = reader.RequiredString(root, "title", File);
        var triggers = reader.StringList(root, "triggers", File, required: true, minimum: 1);
        var intro = reader.RequiredText(root, "intro", File);
        var retry = reader.RequiredText(root, "retry", File);
        var resume = reader.RequiredText(root, "resume", File);
        var cancelled = reader.RequiredText(root, "cancelled", File);
        var restarted = reader.RequiredText(root, "restarted", File);
        var atFirst = reader.RequiredText(root, "at_first_question", File);
        var help = reader.RequiredText(root, "help", File);
        var summaryHeading = reader.RequiredText(root, "summary_heading", File);
        var nextSteps = reader.RequiredText(root, "next_steps", File);

        var choiceSets = new Dictionary<string, IReadOnlyList<WalkthroughChoice>>(StringComparer.Ordinal);
        if (reader.Get(root, "choice_sets") is { } setsNode && reader.Mapping(setsNode, "'choice_sets'") is { } sets)
        {
            foreach (var (keyNode, valueNode) in sets.Children)
            {
                if (reader.Scalar(keyNode, "a choice set name") is { } name)
                {
                    choiceSets[name] = ReadChoices(reader, valueNode, $"choice set '{name}'");
                }
            }
        }

        var questions = new List<WalkthroughQuestion>();
        if (reader.Sequence(reader.Get(root, "questions"), "'questions'") is { } questionList)
        {
            var allIds = QuestionIds(questionList);
            foreach (var item in questionList.Children)
            {
                if (reader.Mapping(item, "a question") is not { } map)
                {
                    continue;
                }

                var id = reader.RequiredString(map, "id", "a question");
                var what = $"question '{id}'";
                reader.CheckKeys(map, what, "id", "prompt", "summary", "choices", "ask_when", "ambiguous");
                var prompt = reader.RequiredText(map, "prompt", what);
                var summary = reader.RequiredString(map, "summary", what);
                IReadOnlyList<WalkthroughChoice> choices = [];
                var choicesNode = reader.Get(map, "choices");
                if (choicesNode is null)
                {
                    reader.Problem(map, $"{what} is missing 'choices'");
                }
                else if (choicesNode is YamlScalarNode setName)
                {
                    if (!choiceSets.TryGetValue(setName.Value ?? "", out choices!))
                    {
                        reader.Problem(choicesNode, $"{what} uses choice set '{setName.Value}', which is not defined under 'choice_sets'");
                        choices = [];
                    }
                }
                else
                {
                    choices = ReadChoices(reader, choicesNode, what);
                }

                // Only earlier questions have answers when this one is reached, so ask_when can only look back.
                AnswerCondition? askWhen = null;
                if (reader.Get(map, "ask_when") is { } askWhenNode)
                {
                    askWhen = ReadCondition(reader, askWhenNode, $"'ask_when' of {what}", questions, allIds);
                    if (askWhen is not null && askWhen.AllowedAnswers.Count == 0)
                    {
                        reader.Problem(askWhenNode, $"'ask_when' of {what} is empty; leave it out to always ask the question");
                    }
                }

                var ambiguity = reader.Get(map, "ambiguous") is { } ambiguousNode ? ReadAmbiguity(reader, ambiguousNode, what, choices) : null;
                if (id is null || prompt is null || summary is null)
                {
                    continue;
                }

                if (questions.Exists(q => q.Id == id))
                {
                    reader.Problem(map, $"question id '{id}' is used twice");
                    continue;
                }

                questions.Add(new WalkthroughQuestion(id, prompt, summary, choices, askWhen, ambiguity));
            }
        }
        else
        {
            reader.Problem(root, "the file needs a 'questions' list");
        }

        var outcomes = new List<WalkthroughOutcome>();
        if (reader.Sequence(reader.Get(root, "outcomes"), "'outcomes'") is { } outcomeList)
        {
            foreach (var item in outcomeList.Children)
            {
                if (reader.Mapping(item, "an outcome") is not { } map)
                {
                    continue;
                }

                var id = reader.RequiredString(map, "id", "an outcome");
                var what = $"outcome '{id}'";
                reader.CheckKeys(map, what, "id", "title", "text");
                var outcomeTitle = reader.RequiredText(map, "title", what);
                var text = reader.RequiredText(map, "text", what);
                if (id is not null && outcomeTitle is not null && text is not null)
                {
                    outcomes.Add(new WalkthroughOutcome(id, outcomeTitle, text));
                }
            }
        }
        else
        {
            reader.Problem(root, "the file needs an 'outcomes' list");
        }

        var rules = new List<WalkthroughRule>();
        if (reader.Sequence(reader.Get(root, "rules"), "'rules'") is { } ruleList)
        {
            foreach (var item in ruleList.Children)
            {
                if (reader.Mapping(item, "a rule") is not { } map)
                {
                    continue;
                }

                reader.CheckKeys(map, "a rule", "when", "outcome");
                var condition = ReadWhen(reader, map, "a rule", questions);
                var outcome = reader.RequiredString(map, "outcome", "a rule");
                if (outcome is not null && !outcomes.Exists(o => o.Id == outcome))
                {
                    reader.Problem(reader.Get(map, "outcome")!, $"rule outcome '{outcome}' is not listed under 'outcomes'");
                }
                else if (outcome is not null && condition is not null)
                {
                    rules.Add(new WalkthroughRule(condition, outcome));
                }
            }

            if (rules.Count > 0 && rules[^1].When.AllowedAnswers.Count != 0)
            {
                reader.Problem(ruleList.Children[^1], "the last rule must have an empty 'when: {}' so every set of answers gets an outcome");
            }
            else if (rules.Count == 0 && problems.Count == 0)
            {
                reader.Problem(ruleList, "'rules' needs at least one rule");
            }
        }
        else
        {
            reader.Problem(root, "the file needs a 'rules' list");
        }

        var notes = new List<WalkthroughNote>();
        if (reader.Get(root, "notes") is { } notesNode && reader.Sequence(notesNode, "'notes'") is { } noteList)
        {
            foreach (var item in noteList.Children)
            {
                if (reader.Mapping(item, "a note") is not { } map)
                {
                    continue;
                }

                reader.CheckKeys(map, "a note", "when", "text", "not_with");
                var condition = ReadWhen(reader, map, "a note", questions);
                var text = reader.RequiredText(map, "text", "a note");
                var notWith = reader.StringList(map, "not_with", "a note", required: false, minimum: 1);
                foreach (var outcomeId in notWith)
                {
                    if (!outcomes.Exists(o => o.Id == outcomeId))
                    {
                        reader.Problem(reader.Get(map, "not_with")!, $"'not_with' of a note names '{outcomeId}', which is not listed under 'outcomes'");
                    }
                }

                if (condition is not null && text is not null)
                {
                    notes.Add(new WalkthroughNote(condition, text, notWith));
                }
            }
        }

        if (title is null || intro is null || retry is null || resume is null || cancelled is null || restarted is null || atFirst is null
            || help is null || summaryHeading is null || nextSteps is null || questions.Count == 0 || rules.Count == 0)
        {
            return null;
        }

        return new Walkthrough
        {
            Title = title,
            Triggers = triggers,
            Intro = intro,
            Retry = retry,
            Resume = resume,
            Cancelled = cancelled,
            Restarted = restarted,
            AtFirstQuestion = atFirst,
            Help = help,
            SummaryHeading = summaryHeading,
            NextSteps = nextSteps,
            Questions = questions,
            Rules = rules,
            Outcomes = outcomes,
            Notes = notes,
        };
    }

    private static List<WalkthroughChoice> ReadChoices(YamlFileReader reader, YamlNode node, string what)
    {
        var choices = new List<WalkthroughChoice>();
        if (reader.Sequence(node, $"the choices of {what}") is not { } list)
        {
            return choices;
        }

        var choiceNodes = new List<YamlNode>();
        foreach (var item in list.Children)
        {
            if (reader.Mapping(item, $"a choice of {what}") is not { } map)
            {
                continue;
            }

            reader.CheckKeys(map, $"a choice of {what}", "value", "label", "synonyms");
            var value = reader.RequiredString(map, "value", $"a choice of {what}");
            var label = reader.RequiredString(map, "label", $"a choice of {what}");
            var synonyms = reader.StringList(map, "synonyms", $"a choice of {what}", required: false, minimum: 0);
            if (value is null || label is null)
            {
                continue;
            }

            if (choices.Exists(c => c.Value == value))
            {
                reader.Problem(item, $"{what} has the choice value '{value}' twice");
                continue;
            }

            choices.Add(new WalkthroughChoice(value, label, synonyms));
            choiceNodes.Add(item);
        }

        if (choices.Count < 2)
        {
            reader.Problem(node, $"{what} needs at least 2 choices");
        }

        // One way of saying it must mean one choice: the recognizer could not tell which was meant.
        var owners = new Dictionary<string, WalkthroughChoice>(StringComparer.Ordinal);
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var phrase in PhrasesOf(choices[i]))
            {
                var key = PhraseKey(phrase);
                if (key.Length == 0)
                {
                    continue;
                }

                if (owners.TryGetValue(key, out var owner) && owner != choices[i])
                {
                    reader.Problem(choiceNodes[i], $"'{phrase}' answers both '{owner.Label}' and '{choices[i].Label}' in {what}; keep it under one choice");
                }
                else
                {
                    owners[key] = choices[i];
                }
            }
        }

        return choices;
    }

    private static AnswerCondition? ReadWhen(YamlFileReader reader, YamlMappingNode map, string what, List<WalkthroughQuestion> questions)
    {
        var whenNode = reader.Get(map, "when");
        if (whenNode is null)
        {
            reader.Problem(map, $"{what} is missing 'when' (use 'when: {{}}' for always)");
            return null;
        }

        return ReadCondition(reader, whenNode, $"'when' of {what}", questions, laterIds: null);
    }

    /// <summary>
    /// Reads "question_id: [values]" tests against <paramref name="questions"/>. With <paramref name="laterIds"/>, an id
    /// found only there is reported as asked later (an ask_when can only depend on earlier answers).
    /// </summary>
    private static AnswerCondition? ReadCondition(YamlFileReader reader, YamlNode node, string what, List<WalkthroughQuestion> questions, HashSet<string>? laterIds)
    {
        if (reader.Mapping(node, what) is not { } when)
        {
            return null;
        }

        var allowed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var valid = true;
        foreach (var (keyNode, valueNode) in when.Children)
        {
            var questionId = reader.Scalar(keyNode, "a question id");
            if (questionId is null)
            {
                valid = false;
                continue;
            }

            var question = questions.Find(q => q.Id == questionId);
            if (question is null)
            {
                reader.Problem(keyNode, laterIds is not null && laterIds.Contains(questionId)
                    ? $"{what} depends on '{questionId}', which is asked later; it can only depend on earlier questions"
                    : $"'{questionId}' in {what} is not a question id");
                valid = false;
                continue;
            }

            var values = reader.StringList(valueNode, $"the answers for '{questionId}' in {what}");
            foreach (var value in values)
            {
                if (question.FindChoice(value) is null)
                {
                    reader.Problem(valueNode, $"'{value}' is not a choice value of question '{questionId}'");
                    valid = false;
                }
            }

            allowed[questionId] = values;
        }

        return valid ? new AnswerCondition(allowed) : null;
    }

    /// <summary>Words that could mean several choices: none of them may also be a way to say one choice.</summary>
    private static WalkthroughAmbiguity? ReadAmbiguity(YamlFileReader reader, YamlNode node, string what, IReadOnlyList<WalkthroughChoice> choices)
    {
        if (reader.Mapping(node, $"'ambiguous' of {what}") is not { } map)
        {
            return null;
        }

        reader.CheckKeys(map, $"'ambiguous' of {what}", "phrases", "reply");
        var phrases = reader.StringList(map, "phrases", $"'ambiguous' of {what}", required: true);
        var reply = reader.RequiredText(map, "reply", $"'ambiguous' of {what}");
        var valid = reply is not null && phrases.Count > 0;
        foreach (var phrase in phrases)
        {
            var key = PhraseKey(phrase);
            if (key.Length == 0)
            {
                reader.Problem(reader.Get(map, "phrases")!, $"ambiguous phrase '{phrase}' of {what} has no letters or digits");
                valid = false;
                continue;
            }

            foreach (var choice in choices)
            {
                if (PhrasesOf(choice).Any(p => PhraseKey(p) == key))
                {
                    reader.Problem(reader.Get(map, "phrases")!, $"'{phrase}' is listed as ambiguous in {what} but also answers '{choice.Label}'; keep it in one place");
                    valid = false;
                }
            }
        }

        return valid ? new WalkthroughAmbiguity(phrases, reply!) : null;
    }

    /// <summary>The ids of all questions, read ahead so a condition can tell "asked later" from "no such question".</summary>
    private static HashSet<string> QuestionIds(YamlSequenceNode questionList)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in questionList.Children)
        {
            if (item is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode { Value: { } id })
            {
                ids.Add(id.Trim());
            }
        }

        return ids;
    }

    /// <summary>Every way to say a choice, as the answer recognizer reads them.</summary>
    private static IEnumerable<string> PhrasesOf(WalkthroughChoice choice) => choice.Synonyms.Append(choice.Label).Append(choice.Value);

    private static string PhraseKey(string phrase) => string.Join(' ', TextNormalizer.Tokenize(TextNormalizer.Normalize(phrase)));
}
