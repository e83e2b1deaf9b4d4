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
            foreach (var item in questionList.Children)
            {
                if (reader.Mapping(item, "a question") is not { } map)
                {
                    continue;
                }

                var id = reader.RequiredString(map, "id", "a question");
                var what = $"question '{id}'";
                reader.CheckKeys(map, what, "id", "prompt", "summary", "choices");
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

                if (id is null || prompt is null || summary is null)
                {
                    continue;
                }

                if (questions.Exists(q => q.Id == id))
                {
                    reader.Problem(map, $"question id '{id}' is used twice");
                    continue;
                }

                questions.Add(new WalkthroughQuestion(id, prompt, summary, choices));
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
                var condition = ReadCondition(reader, map, "a rule", questions);
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

                reader.CheckKeys(map, "a note", "when", "text");
                var condition = ReadCondition(reader, map, "a note", questions);
                var text = reader.RequiredText(map, "text", "a note");
                if (condition is not null && text is not null)
                {
                    notes.Add(new WalkthroughNote(condition, text));
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
        }

        if (choices.Count < 2)
        {
            reader.Problem(node, $"{what} needs at least 2 choices");
        }

        return choices;
    }

    private static AnswerCondition? ReadCondition(YamlFileReader reader, YamlMappingNode map, string what, List<WalkthroughQuestion> questions)
    {
        var whenNode = reader.Get(map, "when");
        if (whenNode is null)
        {
            reader.Problem(map, $"{what} is missing 'when' (use 'when: {{}}' for always)");
            return null;
        }

        if (reader.Mapping(whenNode, $"'when' of {what}") is not { } when)
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
                reader.Problem(keyNode, $"'{questionId}' in {what} is not a question id");
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
}
