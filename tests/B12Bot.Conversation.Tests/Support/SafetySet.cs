using System.Text.Json;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>
/// The safety classes of a set in the shared eval format (eval/safety-set.json): emergency, crisis, poisoning,
/// possible_reaction and no_emergency. A no_emergency item may be a message or an FAQ case ({"topic", "expect", "says"}).
/// </summary>
public sealed class SafetySet
{
    public required IReadOnlyList<string> Emergency { get; init; }
    public required IReadOnlyList<string> Crisis { get; init; }
    public required IReadOnlyList<string> Poisoning { get; init; }
    public required IReadOnlyList<string> PossibleReaction { get; init; }
    public required IReadOnlyList<string> NoEmergency { get; init; }

    /// <summary>
    /// Every regression set: the set written before tuning, then the hold-out and fresh batches, each run once for its
    /// first look (figures in the commit that added it) and kept afterwards.
    /// </summary>
    public static IReadOnlyList<string> RegressionSetNames { get; } =
        ["safety-set.json", "safety-holdout-1.json", "fresh-safety-1.json", "safety-holdout-2.json"];

    public static string PathOf(string setName) => Path.Combine(RepositoryPaths.Root, "eval", setName);

    /// <summary>
    /// Every message of every regression set, class by class, each once: a phrasing that two batches share would be one
    /// theory case twice, and the test runner skips a case whose id it has already seen.
    /// </summary>
    public static SafetySet LoadRegressionSets()
    {
        var sets = RegressionSetNames.Select(name => Load(PathOf(name))).ToList();
        IReadOnlyList<string> Union(Func<SafetySet, IReadOnlyList<string>> messages) =>
            [.. sets.SelectMany(messages).Distinct(StringComparer.Ordinal)];

        return new SafetySet
        {
            Emergency = Union(s => s.Emergency),
            Crisis = Union(s => s.Crisis),
            Poisoning = Union(s => s.Poisoning),
            PossibleReaction = Union(s => s.PossibleReaction),
            NoEmergency = Union(s => s.NoEmergency),
        };
    }

    public static SafetySet Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        return new SafetySet
        {
            Emergency = Messages(root, "emergency"),
            Crisis = Messages(root, "crisis"),
            Poisoning = Messages(root, "poisoning"),
            PossibleReaction = Messages(root, "possible_reaction"),
            NoEmergency = Messages(root, "no_emergency"),
        };
    }

    private static List<string> Messages(JsonElement root, string name)
    {
        var messages = new List<string>();
        if (!root.TryGetProperty(name, out var list))
        {
            return messages;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                messages.Add(item.GetString()!);
            }
            else
            {
                messages.AddRange(item.GetProperty("says").EnumerateArray().Select(s => s.GetString()!));
            }
        }

        return messages;
    }
}
