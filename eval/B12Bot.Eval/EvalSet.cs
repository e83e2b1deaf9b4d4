using System.Text.Json;

namespace B12Bot.Eval;

/// <summary>A set of messages in the dev-set format: FAQ cases with expected substrings, emergencies, benign and out-of-scope messages.</summary>
public sealed record EvalSet(IReadOnlyList<FaqCase> Faq, IReadOnlyList<string> Emergency, IReadOnlyList<string> Benign, IReadOnlyList<string> OutOfScope)
{
    public static EvalSet Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var faq = root.GetProperty("faq").EnumerateArray().Select(topic => new FaqCase(
            topic.GetProperty("topic").GetString()!,
            topic.GetProperty("expect").EnumerateArray().Select(group => (IReadOnlyList<string>)group.EnumerateArray().Select(s => s.GetString()!).ToArray()).ToArray(),
            topic.GetProperty("says").EnumerateArray().Select(s => s.GetString()!).ToArray())).ToArray();
        return new EvalSet(faq, Strings(root, "emergency"), Strings(root, "benign"), Strings(root, "out_of_scope"));
    }

    private static string[] Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(s => s.GetString()!).ToArray() : [];
}

public sealed record FaqCase(string Topic, IReadOnlyList<IReadOnlyList<string>> Expect, IReadOnlyList<string> Says)
{
    /// <summary>Every expected group has at least one of its substrings in the reply text (case-insensitive).</summary>
    public bool IsAnsweredBy(string replyText) =>
        Expect.All(group => group.Any(expected => replyText.Contains(expected, StringComparison.OrdinalIgnoreCase)));
}
