using YamlDotNet.RepresentationModel;

namespace B12Bot.Conversation.Content;

public static partial class B12ContentLoader
{
    private static SafetyRules? LoadSafety(string folder, List<ContentProblem> problems, string emergencyNumber)
    {
        var (reader, root) = YamlFileReader.Open(folder, SafetyFile, problems, emergencyNumber);
        if (root is null)
        {
            return null;
        }

        const string File = "the file";
        string[] lists = ["negators", "negation_breaks", "sentence_breaks", "question_frames", "question_openers", "first_person", "urgency",
            "history_markers", "distant_past_markers", "known_words"];
        reader.CheckKeys(root, File, [.. lists, "urgent_message", "window", "negation_window", "word_classes", "signs"]);

        string? urgentMessage = null;
        if (reader.Get(root, "urgent_message") is { } urgentNode)
        {
            var raw = reader.Scalar(urgentNode, "'urgent_message'");
            if (raw is not null && !raw.Contains(YamlFileReader.EmergencyNumberPlaceholder, StringComparison.Ordinal))
            {
                reader.Problem(urgentNode, $"'urgent_message' must tell people to call {YamlFileReader.EmergencyNumberPlaceholder}");
            }

            urgentMessage = raw is null ? null : reader.Text(urgentNode, raw);
        }
        else
        {
            reader.Problem(root, "the file is missing 'urgent_message'");
        }

        var window = reader.Int(root, "window", File, 5, 1, 20);
        var negationWindow = reader.Int(root, "negation_window", File, 3, 1, 10);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in lists)
        {
            values[key] = reader.StringList(root, key, File, required: true);
        }

        var classes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (reader.Mapping(reader.Get(root, "word_classes"), "'word_classes'") is { } classMap)
        {
            foreach (var (keyNode, valueNode) in classMap.Children)
            {
                if (reader.Scalar(keyNode, "a word class name") is { } name)
                {
                    classes[name] = reader.StringList(valueNode, $"word class '{name}'");
                }
            }
        }
        else
        {
            reader.Problem(root, "the file needs a 'word_classes' mapping");
        }

        var signs = new List<EmergencySign>();
        if (reader.Sequence(reader.Get(root, "signs"), "'signs'") is { } signList)
        {
            foreach (var item in signList.Children)
            {
                if (reader.Mapping(item, "a sign") is not { } map)
                {
                    continue;
                }

                var id = reader.RequiredString(map, "id", "a sign");
                var what = $"sign '{id}'";
                reader.CheckKeys(map, what, "id", "all", "unless", "window", "ordered", "history_sensitive");
                var all = reader.StringList(map, "all", what, required: true);
                var unless = reader.StringList(map, "unless", what, required: false, minimum: 0);
                if (all.Count > 3 && reader.Get(map, "all") is { } allNode)
                {
                    reader.Problem(allNode, $"{what} combines {all.Count} classes; at most 3 are supported");
                }

                foreach (var (key, names) in new[] { ("all", all), ("unless", unless) })
                {
                    foreach (var name in names)
                    {
                        if (!classes.ContainsKey(name))
                        {
                            reader.Problem(reader.Get(map, key) ?? map, $"{what} uses word class '{name}', which is not under 'word_classes'");
                        }
                    }
                }

                var signWindow = reader.Int(map, "window", what, window, 1, 20);
                var ordered = reader.Bool(map, "ordered", what);
                var historySensitive = reader.Bool(map, "history_sensitive", what);
                if (id is not null)
                {
                    signs.Add(new EmergencySign(id, all, unless, signWindow, ordered, historySensitive));
                }
            }
        }
        else
        {
            reader.Problem(root, "the file needs a 'signs' list");
        }

        if (urgentMessage is null || signs.Count == 0)
        {
            return null;
        }

        return new SafetyRules
        {
            UrgentMessage = urgentMessage,
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
            KnownWords = values["known_words"],
        };
    }
}
