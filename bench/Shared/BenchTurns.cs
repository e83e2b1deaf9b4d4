using System.Reflection;
using System.Text.Json;
using BotRuntime.Schema;
using Activity = BotRuntime.Schema.Activity;

namespace B12Bot.Bench;

/// <summary>
/// What the benchmarks send, in one place for the in-process turn-cost harness (bench/BotRuntime.Benchmarks) and the
/// load test (bench/B12Bot.LoadTest), so both measure the same turns: the FAQ questions of eval/dev-set.json and the
/// activities a Web Chat visitor's message and arrival become.
/// </summary>
internal static class BenchTurns
{
    /// <summary>Every FAQ phrasing of eval/dev-set.json, in file order.</summary>
    public static IReadOnlyList<string> DevSetQuestions(string repoRoot)
    {
        using var stream = File.OpenRead(Path.Combine(repoRoot, "eval", "dev-set.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("faq").EnumerateArray()
            .SelectMany(topic => topic.GetProperty("says").EnumerateArray().Select(s => s.GetString()!))
            .ToArray();
    }

    /// <summary>A visitor's message in <paramref name="conversationId"/>.</summary>
    public static Activity Message(string text, string conversationId)
    {
        var message = FromVisitor(ActivityTypes.Message, conversationId);
        message.Text = text;
        return message;
    }

    /// <summary>A visitor arriving in a new conversation (the welcome turn).</summary>
    public static Activity Welcome(string conversationId)
    {
        var arrival = FromVisitor(ActivityTypes.ConversationUpdate, conversationId);
        arrival.MembersAdded = [new ChannelAccount("bench-user", "Visitor", RoleTypes.User)];
        return arrival;
    }

    // Web Chat's channel id: the Emulator channel would add the Emulator-only state traces to every turn.
    private static Activity FromVisitor(string type, string conversationId) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channels.Webchat,
        ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount("bench-user", "Visitor", RoleTypes.User),
        Recipient = new ChannelAccount("b12bot", "B12Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    /// <summary>The repository the benchmark was built from: the folder with B12Bot.sln above the binary, else the one recorded at build time.</summary>
    public static string FindRepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "B12Bot.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName
            ?? typeof(BenchTurns).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
            ?? Directory.GetCurrentDirectory();
    }
}
