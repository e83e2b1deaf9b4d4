using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using B12Bot.Conversation.Content;
using BotRuntime.Schema;
using Activity = BotRuntime.Schema.Activity;

namespace B12Bot.LoadTest;

/// <summary>The request a scenario sends for its n-th turn, and whether the answer counts as a success.</summary>
internal sealed class Workload
{
    private readonly Func<long, string>? text;

    private Workload(string name, Func<long, string>? text)
    {
        Name = name;
        this.text = text;
    }

    public string Name { get; }

    private bool IsHealthCheck => text is null;

    public static Workload For(Scenario scenario, string repoRoot) => scenario switch
    {
        Scenario.Repeat => Cycle("repeated FAQ questions (eval/dev-set.json)", DevSetQuestions(repoRoot)),
        Scenario.Distinct => new Workload($"distinct patient-style FAQ questions ({PatientQuestionGenerator.Count:N0} combinations, none repeated)", PatientQuestionGenerator.Compose),
        Scenario.Buttons => Cycle("button presses (FAQ topic titles, as imBack text)", ButtonTitles(repoRoot)),
        Scenario.Healthz => new Workload("GET /healthz", null),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Not a load scenario."),
    };

    public static string FirstQuestion(string repoRoot) => DevSetQuestions(repoRoot)[0];

    /// <summary>Sends turn <paramref name="index"/> of conversation <paramref name="conversationId"/>; true when the bot answered.</summary>
    public async Task<bool> SendAsync(HttpClient client, long index, string conversationId, CancellationToken cancellationToken)
    {
        if (IsHealthCheck)
        {
            using var health = await client.GetAsync("/healthz", cancellationToken).ConfigureAwait(false);
            return health.StatusCode == HttpStatusCode.OK;
        }

        using var response = await client.PostAsJsonAsync("/api/messages", Turns.Message(text!(index), conversationId), BotJsonContext.Default.Activity, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK && body.Length >= 20;
    }

    private static Workload Cycle(string name, IReadOnlyList<string> texts) => new(name, i => texts[(int)(i % texts.Count)]);

    private static IReadOnlyList<string> DevSetQuestions(string repoRoot)
    {
        using var stream = File.OpenRead(Path.Combine(repoRoot, "eval", "dev-set.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("faq").EnumerateArray()
            .SelectMany(topic => topic.GetProperty("says").EnumerateArray().Select(s => s.GetString()!))
            .ToArray();
    }

    private static IReadOnlyList<string> ButtonTitles(string repoRoot) =>
        B12ContentLoader.Load(Path.Combine(repoRoot, "dialogs")).Faq.Select(entry => entry.Title).ToArray();
}

internal static class Turns
{
    // Web Chat's channel id: the Emulator channel would add the Emulator-only state traces to every turn.
    public static Activity Message(string text, string conversationId) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channels.Webchat,
        ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount("load-user", "Visitor", RoleTypes.User),
        Recipient = new ChannelAccount("b12bot", "B12Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
        Text = text,
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    };
}
