using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BotRuntime.Schema;
using Activity = BotRuntime.Schema.Activity;

// Measures what a user waits for: FAQ turns through POST /api/messages (expectReplies) under concurrent load, and the
// cold start of the host process to its first FAQ answer. Usage:
//   dotnet run -c Release --project bench/B12Bot.LoadTest -- [--url http://127.0.0.1:3978] [--connections 32] [--seconds 15]
// Without --url it starts the Release build of src/B12Bot as a child process on a free loopback port.
var options = LoadTestOptions.Parse(args);
var questions = DevSet.FaqQuestions(options.RepoRoot);
Process? host = null;
var baseUrl = options.Url;
try
{
    if (baseUrl is null)
    {
        var port = FreePort();
        baseUrl = $"http://127.0.0.1:{port}";
        var stopwatch = Stopwatch.StartNew();
        host = HostProcess.Start(options, baseUrl);
        var firstAnswerMs = await FirstAnswerAsync(baseUrl, questions[0], stopwatch);
        Console.WriteLine($"cold start to first FAQ answer: {firstAnswerMs:F0} ms (process spawn to reply, Release build)");
    }

    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    Console.WriteLine($"warming up for {options.WarmupSeconds} s ...");
    await RunAsync(client, questions, options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds), record: false);

    Console.WriteLine($"measuring {options.Connections} concurrent connections for {options.Seconds} s ...");
    var result = await RunAsync(client, questions, options.Connections, TimeSpan.FromSeconds(options.Seconds), record: true);
    result.Print();
    if (host is not null)
    {
        host.Refresh();
        Console.WriteLine($"host working set after the run: {host.WorkingSet64 / (1024 * 1024)} MiB");
    }
}
finally
{
    if (host is { HasExited: false })
    {
        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync();
    }
}

static async Task<double> FirstAnswerAsync(string baseUrl, string question, Stopwatch sinceSpawn)
{
    using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
    while (sinceSpawn.Elapsed < TimeSpan.FromSeconds(60))
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/messages", Turns.Message(question, "cold-start"), BotJsonContext.Default.Activity);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var replies = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies);
                if (replies?.Activities.Count > 0)
                {
                    return sinceSpawn.Elapsed.TotalMilliseconds;
                }
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(5);
    }

    throw new TimeoutException("The host did not answer within 60 s.");
}

static async Task<LoadResult> RunAsync(HttpClient client, IReadOnlyList<string> questions, int connections, TimeSpan duration, bool record)
{
    var deadline = Stopwatch.StartNew();
    var perWorker = new List<double>[connections];
    var errors = 0;
    var workers = Enumerable.Range(0, connections).Select(async worker =>
    {
        var latencies = perWorker[worker] = new List<double>(100_000);
        var turn = 0;
        while (deadline.Elapsed < duration)
        {
            var question = questions[(worker + turn) % questions.Count];
            // Each worker is one visitor: turns of one conversation, so state is loaded and saved every turn.
            var activity = Turns.Message(question, $"load-{worker}");
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK || body.Length < 20)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }

            if (record)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            turn++;
        }
    }).ToArray();
    await Task.WhenAll(workers);
    var all = perWorker.SelectMany(l => l).Order().ToArray();
    return new LoadResult(all, errors, deadline.Elapsed, connections);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed record LoadResult(double[] SortedLatencies, int Errors, TimeSpan Elapsed, int Connections)
{
    private double Percentile(double p) => SortedLatencies.Length == 0 ? double.NaN : SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)Math.Ceiling(p * SortedLatencies.Length) - 1)];

    public void Print()
    {
        Console.WriteLine($"requests: {SortedLatencies.Length}, errors: {Errors}, connections: {Connections}, cores: {Environment.ProcessorCount}");
        Console.WriteLine($"throughput: {SortedLatencies.Length / Elapsed.TotalSeconds:F0} FAQ turns/s");
        Console.WriteLine($"latency ms: p50 {Percentile(0.50):F2}  p90 {Percentile(0.90):F2}  p99 {Percentile(0.99):F2}  max {SortedLatencies.LastOrDefault():F2}");
    }
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

internal static class DevSet
{
    public static IReadOnlyList<string> FaqQuestions(string repoRoot)
    {
        using var stream = File.OpenRead(Path.Combine(repoRoot, "eval", "dev-set.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("faq").EnumerateArray()
            .SelectMany(topic => topic.GetProperty("says").EnumerateArray().Select(s => s.GetString()!))
            .ToArray();
    }
}

internal static class HostProcess
{
    public static Process Start(LoadTestOptions options, string url)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var dll = options.HostDll ?? Path.Combine(options.RepoRoot, "src", "B12Bot", "bin", configuration, "net10.0", "B12Bot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first (dotnet build src/B12Bot -c {configuration}), or pass --host-dll.", dll);
        }

        var state = Path.Combine(Path.GetTempPath(), $"b12bot-bench-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", url, "--BotState:SqlitePath", state, "--Logging:LogLevel:Default", "Warning" })
        {
            start.ArgumentList.Add(argument);
        }

        // Development: without an app id, /api/messages is open to local callers there only (the load test is one).
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

internal sealed record LoadTestOptions(string? Url, int Connections, int Seconds, int WarmupSeconds, string RepoRoot, string? HostDll)
{
    public static LoadTestOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "B12Bot.sln")))
        {
            root = root.Parent;
        }

        return new LoadTestOptions(
            Value("--url"),
            int.Parse(Value("--connections") ?? "32", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "15", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup") ?? "3", System.Globalization.CultureInfo.InvariantCulture),
            Value("--repo") ?? root?.FullName
                ?? typeof(LoadTestOptions).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                    .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
                ?? Directory.GetCurrentDirectory(),
            Value("--host-dll"));
    }
}
