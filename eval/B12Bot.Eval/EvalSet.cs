using System.Text.Json;

namespace B12Bot.Eval;

/// <summary>
/// A set of messages in the shared eval format: FAQ cases with expected substrings, emergencies, benign and out-of-scope
/// messages, the safety classes (crisis, poisoning, possible_reaction, no_emergency), walkthrough starts
/// ("walkthrough_start", or the older "walkthrough"), commands ({"help": [...], "cancel": [...], "restart": [...]}) and
/// small talk ([{"intent": "greeting", "says": [...]}]). Every key but "faq" is optional.
/// </summary>
public sealed record EvalSet(
    IReadOnlyList<FaqCase> Faq,
    IReadOnlyList<string> Emergency,
    IReadOnlyList<string> Benign,
    IReadOnlyList<string> OutOfScope,
    IReadOnlyList<string> Crisis,
    IReadOnlyList<string> Poisoning,
    IReadOnlyList<string> PossibleReaction,
    IReadOnlyList<NoEmergencyCase> NoEmergency)
{
    public IReadOnlyList<string> WalkthroughStart { get; init; } = [];

    /// <summary>Command name (help, cancel, restart, back) and the messages that should get its reply.</summary>
    public IReadOnlyList<(string Command, string Said)> Commands { get; init; } = [];

    /// <summary>Small-talk intent id (from dialogs/messages.yaml) and the messages that should get its reply.</summary>
    public IReadOnlyList<(string Intent, string Said)> SmallTalk { get; init; } = [];

    public static EvalSet Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var faq = root.TryGetProperty("faq", out var faqList) ? faqList.EnumerateArray().Select(ReadFaqCase).ToArray() : [];
        var noEmergency = new List<NoEmergencyCase>();
        if (root.TryGetProperty("no_emergency", out var noEmergencyList))
        {
            foreach (var item in noEmergencyList.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    noEmergency.Add(new NoEmergencyCase(item.GetString()!, null));
                }
                else
                {
                    var faqCase = ReadFaqCase(item);
                    noEmergency.AddRange(faqCase.Says.Select(said => new NoEmergencyCase(said, faqCase)));
                }
            }
        }

        var commands = new List<(string, string)>();
        if (root.TryGetProperty("commands", out var commandMap) && commandMap.ValueKind == JsonValueKind.Object)
        {
            foreach (var command in commandMap.EnumerateObject())
            {
                commands.AddRange(command.Value.EnumerateArray().Select(s => (command.Name, s.GetString()!)));
            }
        }

        var smallTalk = new List<(string, string)>();
        if (root.TryGetProperty("small_talk", out var smallTalkList))
        {
            foreach (var item in smallTalkList.EnumerateArray())
            {
                var intent = item.GetProperty("intent").GetString()!;
                smallTalk.AddRange(item.GetProperty("says").EnumerateArray().Select(s => (intent, s.GetString()!)));
            }
        }

        return new EvalSet(faq, Strings(root, "emergency"), Strings(root, "benign"), Strings(root, "out_of_scope"),
            Strings(root, "crisis"), Strings(root, "poisoning"), Strings(root, "possible_reaction"), noEmergency)
        {
            WalkthroughStart = [.. Strings(root, "walkthrough_start"), .. Strings(root, "walkthrough")],
            Commands = commands,
            SmallTalk = smallTalk,
        };
    }

    private static FaqCase ReadFaqCase(JsonElement topic) => new(
        topic.GetProperty("topic").GetString()!,
        topic.GetProperty("expect").EnumerateArray().Select(group => (IReadOnlyList<string>)group.EnumerateArray().Select(s => s.GetString()!).ToArray()).ToArray(),
        topic.GetProperty("says").EnumerateArray().Select(s => s.GetString()!).ToArray());

    private static string[] Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(s => s.GetString()!).ToArray() : [];
}

public sealed record FaqCase(string Topic, IReadOnlyList<IReadOnlyList<string>> Expect, IReadOnlyList<string> Says)
{
    /// <summary>Every expected group has at least one of its substrings in the reply text (case-insensitive).</summary>
    public bool IsAnsweredBy(string replyText) =>
        Expect.All(group => group.Any(expected => replyText.Contains(expected, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>A message with alarming words but no emergency now; with an FAQ case, its answer is checked too.</summary>
public sealed record NoEmergencyCase(string Said, FaqCase? Faq);
