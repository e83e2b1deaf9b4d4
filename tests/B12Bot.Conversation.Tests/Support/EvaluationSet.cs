using System.Text.Json;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>A set of messages in the shape of shared/eval/dev-set.json: FAQ cases with expected substrings, and lists.</summary>
public sealed class EvaluationSet
{
    public required IReadOnlyList<FaqCase> Faq { get; init; }
    public required IReadOnlyList<string> Emergency { get; init; }
    public required IReadOnlyList<string> Benign { get; init; }
    public required IReadOnlyList<string> OutOfScope { get; init; }
    public IReadOnlyList<string> WalkthroughStart { get; init; } = [];

    /// <summary>Command name as in the file ("help", "cancel", "restart", "back") and a message that gives it.</summary>
    public IReadOnlyList<(string Command, string Text)> Commands { get; init; } = [];

    public static EvaluationSet Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var faq = new List<FaqCase>();
        foreach (var topic in root.GetProperty("faq").EnumerateArray())
        {
            var expect = topic.GetProperty("expect").EnumerateArray()
                .Select(group => (IReadOnlyList<string>)[.. group.EnumerateArray().Select(s => s.GetString()!)]).ToList();
            foreach (var say in topic.GetProperty("says").EnumerateArray())
            {
                faq.Add(new FaqCase(topic.GetProperty("topic").GetString()!, say.GetString()!, expect));
            }
        }

        return new EvaluationSet
        {
            Faq = faq,
            Emergency = Strings(root, "emergency"),
            Benign = Strings(root, "benign"),
            OutOfScope = Strings(root, "out_of_scope"),
            WalkthroughStart = Strings(root, "walkthrough_start"),
            Commands = root.TryGetProperty("commands", out var commands)
                ? [.. commands.EnumerateObject().SelectMany(c => c.Value.EnumerateArray().Select(s => (c.Name, s.GetString()!)))]
                : [],
        };
    }

    private static List<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) ? [.. list.EnumerateArray().Select(s => s.GetString()!)] : [];
}

public sealed record FaqCase(string Topic, string Text, IReadOnlyList<IReadOnlyList<string>> Expect)
{
    /// <summary>The eval's rule: every expected group has at least one substring (case-insensitive) in the reply.</summary>
    public bool IsSatisfiedBy(string reply) =>
        Expect.All(group => group.Any(s => reply.Contains(s, StringComparison.OrdinalIgnoreCase)));
}
