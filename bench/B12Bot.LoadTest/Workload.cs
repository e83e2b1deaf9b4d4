using System.Net;
using B12Bot.Bench;
using B12Bot.Conversation.Content;

namespace B12Bot.LoadTest;

/// <summary>
/// What a scenario says on its n-th turn, how many turns a conversation has before a new one starts, and what the
/// last turn's reply must contain for the conversation to count as carried through.
/// </summary>
internal sealed class Workload
{
    /// <summary>The symptom walkthrough as a visitor pressing its buttons goes through it (README's sample conversation).</summary>
    private static readonly string[] WalkthroughScript =
        ["check my symptoms", "No", "No", "No", "Yes", "Not sure", "No", "No", "Not tested"];

    private readonly Func<long, int, string>? text;

    private Workload(string name, Func<long, int, string>? text, int turnsPerConversation, string? finalReplyMarker = null)
    {
        Name = name;
        this.text = text;
        TurnsPerConversation = turnsPerConversation;
        FinalReplyMarker = finalReplyMarker;
    }

    public string Name { get; }

    public bool IsHealthCheck => text is null;

    /// <summary>Turns before the conversation ends and the connection starts a new one (int.MaxValue: never).</summary>
    public int TurnsPerConversation { get; }

    /// <summary>Text the last turn's replies must contain (the walkthrough's summary), or null.</summary>
    public string? FinalReplyMarker { get; }

    public static Workload For(Scenario scenario, string repoRoot, ConversationMode conversations)
    {
        var faqTurns = conversations == ConversationMode.New ? 1 : int.MaxValue;
        var faqShape = conversations == ConversationMode.New ? ", every turn a new conversation" : ", one returning conversation per connection";
        return scenario switch
        {
            Scenario.Repeat => Cycle("repeated FAQ questions (eval/dev-set.json)" + faqShape, BenchTurns.DevSetQuestions(repoRoot), faqTurns),
            Scenario.Distinct => new Workload($"distinct patient-style FAQ questions ({PatientQuestionGenerator.Count:N0} combinations, none repeated){faqShape}", (i, _) => PatientQuestionGenerator.Compose(i), faqTurns),
            Scenario.Buttons => Cycle("button presses (FAQ topic titles, as imBack text)" + faqShape, ButtonTitles(repoRoot), faqTurns),
            Scenario.Walkthrough => new Workload(
                $"symptom walkthroughs ({WalkthroughScript.Length} turns each, a new conversation each; carried through = the summary at the end)",
                (_, turn) => WalkthroughScript[turn],
                WalkthroughScript.Length,
                "Your answers"),
            Scenario.Healthz => new Workload("GET /healthz", null, int.MaxValue),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Not a load scenario."),
        };
    }

    /// <summary>The text of turn <paramref name="turn"/> (0-based, within its conversation), the load's <paramref name="index"/>-th turn.</summary>
    public string Text(long index, int turn) => text!(index, turn);

    public static async Task<bool> HealthCheckAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var health = await client.GetAsync("/healthz", cancellationToken).ConfigureAwait(false);
        return health.StatusCode == HttpStatusCode.OK;
    }

    private static Workload Cycle(string name, IReadOnlyList<string> texts, int turnsPerConversation) =>
        new(name, (i, _) => texts[(int)(i % texts.Count)], turnsPerConversation);

    private static IReadOnlyList<string> ButtonTitles(string repoRoot) =>
        B12ContentLoader.Load(Path.Combine(repoRoot, "dialogs")).Faq.Select(entry => entry.Title).ToArray();
}
