using B12Bot.Conversation.Content;
using YamlDotNet.RepresentationModel;

namespace B12Bot.Conversation.Handoff;

/// <summary>Loads and validates dialogs/handoff.yaml; every problem names the file and line, as the other content files do.</summary>
public static class HandoffContentLoader
{
    public const string FileName = "handoff.yaml";

    private static readonly string[] AllowedPlaceholders = [YamlFileReader.EmergencyNumberPlaceholder, .. HandoffContent.Placeholders];

    public static HandoffContent Load(string dialogsFolder, string emergencyNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogsFolder);
        var problems = new List<ContentProblem>();
        var (reader, root) = YamlFileReader.Open(dialogsFolder, FileName, problems, emergencyNumber);
        HandoffContent? content = null;
        if (root is not null)
        {
            reader.CheckKeys(root, "the file", "request", "button", "end_words", "texts");
            var request = reader.Mapping(reader.Get(root, "request"), "'request'");
            IReadOnlyList<string> phrases = [], talk = [], people = [];
            if (request is null)
            {
                reader.Problem(root, "the file is missing 'request'");
            }
            else
            {
                reader.CheckKeys(request, "'request'", "phrases", "talk_words", "people_words");
                phrases = Normalized(reader.StringList(request, "phrases", "'request'", required: true));
                talk = Normalized(reader.StringList(request, "talk_words", "'request'", required: true));
                people = Normalized(reader.StringList(request, "people_words", "'request'", required: true));
            }

            var button = reader.RequiredString(root, "button", "the file");
            var endWords = Normalized(reader.StringList(root, "end_words", "the file", required: true));
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            if (reader.Mapping(reader.Get(root, "texts"), "'texts'") is { } textMap)
            {
                reader.CheckKeys(textMap, "'texts'", HandoffContent.TextKeys);
                foreach (var key in HandoffContent.TextKeys)
                {
                    if (reader.Get(textMap, key) is not { } node)
                    {
                        reader.Problem(textMap, $"'texts' is missing '{key}'");
                    }
                    else if (reader.Scalar(node, $"'{key}' of 'texts'") is { } raw)
                    {
                        texts[key] = Fill(reader, node, YamlFileReader.Reflow(raw), emergencyNumber);
                    }
                }
            }
            else
            {
                reader.Problem(root, "the file is missing 'texts'");
            }

            if (button is not null)
            {
                content = new HandoffContent(phrases, talk, people, button, endWords, texts);
            }
        }

        if (problems.Count > 0 || content is null)
        {
            if (problems.Count == 0)
            {
                problems.Add(new ContentProblem(FileName, 1, "content could not be loaded"));
            }

            throw new ContentValidationException(problems);
        }

        return content;
    }

    private static IReadOnlyList<string> Normalized(IReadOnlyList<string> values) =>
        [.. values.Select(v => Text.TextNormalizer.Normalize(v)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Checks the placeholders (a typo would reach visitors verbatim) and fills in the emergency number.</summary>
    private static string Fill(YamlFileReader reader, YamlNode node, string text, string emergencyNumber)
    {
        reader.CheckPlaceholders(node, text, AllowedPlaceholders);
        return text.Replace(YamlFileReader.EmergencyNumberPlaceholder, emergencyNumber, StringComparison.Ordinal);
    }
}
