using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Content;

public static partial class B12ContentLoader
{
    public const string OutOfScopeFile = "out-of-scope.yaml";

    /// <summary>Reads dialogs/out-of-scope.yaml: the subjects the bot does not answer, each with its example questions.</summary>
    private static IReadOnlyList<OutOfScopeSubject> LoadOutOfScope(string folder, List<ContentProblem> problems, string emergencyNumber)
    {
        var (reader, root) = YamlFileReader.Open(folder, OutOfScopeFile, problems, emergencyNumber);
        if (root is null)
        {
            return [];
        }

        reader.CheckKeys(root, "the file", "subjects");
        var subjects = new List<OutOfScopeSubject>();
        if (reader.Sequence(reader.Get(root, "subjects"), "'subjects'") is not { } list)
        {
            reader.Problem(root, "the file needs a 'subjects' list");
            return subjects;
        }

        // One owner per example: the same question under two subjects is a slip in the file.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (reader.Mapping(item, "a subject") is not { } map)
            {
                continue;
            }

            reader.CheckKeys(map, "a subject", "subject", "examples");
            var name = reader.RequiredString(map, "subject", "a subject");
            if (name is null)
            {
                continue;
            }

            var what = $"subject '{name}'";
            var examples = new List<string>();
            var examplesNode = reader.Get(map, "examples");
            var items = reader.Sequence(examplesNode, $"'examples' of {what}");
            if (items is not { Children.Count: > 0 })
            {
                // (Not a list at all is reported by Sequence.)
                if (examplesNode is null || items is not null)
                {
                    reader.Problem(map, $"{what} needs at least one example");
                }

                continue;
            }

            foreach (var exampleNode in items.Children)
            {
                if (reader.Scalar(exampleNode, $"an example of {what}") is not { } example)
                {
                    continue;
                }

                var normalized = TextNormalizer.Normalize(example);
                if (normalized.Length == 0)
                {
                    reader.Problem(exampleNode, $"{what} has an example with no letters or digits");
                }
                else if (!seen.TryAdd(normalized, name))
                {
                    reader.Problem(exampleNode, $"{what} lists '{example}', already an example of subject '{seen[normalized]}'");
                }
                else
                {
                    examples.Add(example);
                }
            }

            subjects.Add(new OutOfScopeSubject(name, examples));
        }

        return subjects;
    }
}
