using System.Globalization;
using B12Bot.Bench;

namespace B12Bot.LoadTest;

/// <summary>What to measure. Every figure the tool prints comes from one of these scenarios.</summary>
internal enum Scenario
{
    /// <summary>FAQ questions from eval/dev-set.json, cycled: the same questions again and again.</summary>
    Repeat,

    /// <summary>Every message a different patient-style question (<see cref="PatientQuestionGenerator"/>).</summary>
    Distinct,

    /// <summary>Button presses: the text of a FAQ topic's button (its title), as Web Chat sends an imBack.</summary>
    Buttons,

    /// <summary>The symptom walkthrough from "check my symptoms" to its summary: a conversation of several turns.</summary>
    Walkthrough,

    /// <summary>A trivial endpoint of the same host (GET /healthz): what Kestrel alone costs on this machine.</summary>
    Healthz,

    /// <summary>Only the cold start, a few times.</summary>
    ColdStart,

    /// <summary>In-process cost of the sentence-embedding model, single messages against batches.</summary>
    Embedder,

    /// <summary>One message's embedding stage by stage (CPU time of one thread), for several ONNX Runtime settings.</summary>
    EmbedderProfile,

    /// <summary>The understanding cascade in-process: CPU per message by stage and the share reaching the model.</summary>
    CascadeProfile,

    /// <summary>In-process CPU per message of the per-turn work besides the model (rules, analyzer, cached readings).</summary>
    TurnProfile,

    /// <summary>Static against model similarity of whole messages to the safety classes' examples (fitting a pre-check).</summary>
    BackstopPreCheck,
}

/// <summary>Whether each FAQ turn starts a new conversation (a website's visitors) or continues one per connection.</summary>
internal enum ConversationMode
{
    Returning,
    New,
}

/// <summary>The endpoint the turns go to.</summary>
internal enum ChannelKind
{
    Messages,
    DirectLine,
}

internal sealed record LoadTestOptions(
    Scenario Scenario,
    IReadOnlyList<string> Urls,
    int Instances,
    ConversationMode Conversations,
    ChannelKind Channel,
    string? DirectLineSecret,
    int Connections,
    double? Rate,
    int Seconds,
    int WarmupSeconds,
    int Visitors,
    int Repeats,
    string RepoRoot,
    string? HostDll,
    IReadOnlyList<string> HostArguments,
    int? CpuOfProcessTree,
    IReadOnlyList<string> HostEnvironment)
{
    public const string Usage = """
        dotnet run -c Release --project bench/B12Bot.LoadTest -- [options]
          --scenario repeat|distinct|buttons|walkthrough|healthz|cold-start|embedder|embedder-profile|cascade-profile|turn-profile|backstop-pre-check   (default repeat)
          --conversations returning|new   FAQ scenarios: one conversation per connection (default) or a new one every turn
                            (walkthrough: always a new conversation per walkthrough)
          --channel messages|directline   POST /api/messages with expectReplies (default), or Direct Line (post, then poll)
          --instances N     start N hosts (same --host-arg for each); turns alternate between them, so one conversation
                            moves between instances (give them a shared store, e.g. --host-arg --BotState:Provider=PostgreSql)
          --variant NAME    embedder-profile: only the session settings whose name contains NAME
          --connections N   concurrent connections (default 32)
          --rate R          open loop: send R requests/s whatever the replies do (default: closed loop at saturation)
          --seconds S       measured seconds (default 15), --warmup S (default 3)
          --visitors V      open loop: conversations the requests rotate over (default 256)
          --repeats N       cold-start: how many host starts (default 3)
          --url URL         measure a running bot instead of starting the Release host (no cold start or memory then);
                            repeat --url for several instances
          --directline-secret S   with --url and --channel directline: the DirectLine:Secret of the running hosts
          --host-dll PATH   the host to start; --host-arg X passes X to it (repeatable), e.g. --host-arg --BotState:Provider=Memory
          --cpu-of PID      also print the CPU time per turn that process and its children used while measuring (e.g. the
                            PostgreSQL postmaster: its backends); on a shared machine CPU per turn compares better than turns/s
          --host-env N=V    sets an environment variable of the started hosts only (repeatable), e.g. --host-env DOTNET_gcServer=0
        """;

    public static LoadTestOptions Parse(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            Environment.Exit(0);
        }

        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        string[] Values(string name) => args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToArray();
        var hostArguments = Values("--host-arg");
        var scenario = (Value("--scenario") ?? "repeat").Replace("-", "", StringComparison.Ordinal);

        return new LoadTestOptions(
            Enum.Parse<Scenario>(scenario, ignoreCase: true),
            Values("--url"),
            Number("--instances", 1),
            Enum.Parse<ConversationMode>(Value("--conversations") ?? "returning", ignoreCase: true),
            Enum.Parse<ChannelKind>(Value("--channel") ?? "messages", ignoreCase: true),
            Value("--directline-secret"),
            Number("--connections", 32),
            Value("--rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : null,
            Number("--seconds", 15),
            Number("--warmup", 3),
            Number("--visitors", 256),
            Number("--repeats", 3),
            Value("--repo") ?? BenchTurns.FindRepositoryRoot(),
            Value("--host-dll"),
            hostArguments,
            Value("--cpu-of") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Values("--host-env"));
    }
}
