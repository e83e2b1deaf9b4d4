using System.Text.Json;

namespace B12Bot.Tests.Support;

/// <summary>eval/dev-set.json: real-world phrasings with what a good reply must contain.</summary>
public static class DevSet
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "eval", "dev-set.json"))));

    public static IEnumerable<string> Strings(string list) => Document.Value.RootElement.GetProperty(list).EnumerateArray().Select(s => s.GetString()!);

    public static IEnumerable<(string Topic, string Says, string[][] Expect)> FaqCases() =>
        Document.Value.RootElement.GetProperty("faq").EnumerateArray().SelectMany(topic =>
        {
            var expect = topic.GetProperty("expect").EnumerateArray().Select(g => g.EnumerateArray().Select(s => s.GetString()!).ToArray()).ToArray();
            return topic.GetProperty("says").EnumerateArray().Select(s => (topic.GetProperty("topic").GetString()!, s.GetString()!, expect));
        });

    public static TheoryData<string> Emergencies() => [.. Strings("emergency")];

    public static TheoryData<string> Benign() => [.. Strings("benign")];
}
