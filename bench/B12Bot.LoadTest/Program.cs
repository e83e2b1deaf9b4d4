using System.Diagnostics;
using B12Bot.Bench;
using B12Bot.LoadTest;

// Measures what a user waits for: turns through POST /api/messages (expectReplies), closed-loop at saturation or
// open-loop at a fixed offered rate; the cold start of the host process to its first FAQ answer; the host's resident
// memory under the load; and, in-process, the sentence-embedding model. Prints figures; asserts nothing.
// `--help` lists the options. Without --url it starts the Release build of src/B12Bot on a free loopback port.
var options = LoadTestOptions.Parse(args);
Console.WriteLine($"scenario {options.Scenario.ToString().ToLowerInvariant()}; load average before: {Machine.LoadAverage()}");

if (options.Scenario == Scenario.Embedder)
{
    EmbedderBenchmark.Run(options);
    Console.WriteLine($"load average after: {Machine.LoadAverage()}");
    return;
}

if (options.Scenario == Scenario.EmbedderProfile)
{
    EmbedderProfile.Run(Array.IndexOf(args, "--variant") is var v and >= 0 && v + 1 < args.Length ? args[v + 1] : null, options.RepoRoot);
    Console.WriteLine($"load average after: {Machine.LoadAverage()}");
    return;
}

if (options.Scenario == Scenario.CascadeProfile)
{
    CascadeProfile.Run(options.RepoRoot);
    Console.WriteLine($"load average after: {Machine.LoadAverage()}");
    return;
}

if (options.Scenario == Scenario.BackstopPreCheck)
{
    BackstopPreCheckProfile.Run(options.RepoRoot);
    return;
}

if (options.Scenario == Scenario.TurnProfile)
{
    TurnProfile.Run(options.RepoRoot);
    Console.WriteLine($"load average after: {Machine.LoadAverage()}");
    return;
}

if (options.Scenario == Scenario.ColdStart)
{
    var starts = new List<double>();
    for (var i = 0; i < options.Repeats; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        var (process, url) = HostProcess.Start(options, ["--Logging:LogLevel:B12Bot.Hosting.StartupTimeline", "Information"]);
        try
        {
            starts.Add(await HostProcess.FirstAnswerAsync(url, BenchTurns.DevSetQuestions(options.RepoRoot)[0], stopwatch));
            Console.WriteLine($"cold start {i + 1}: {starts[^1]:F0} ms from process spawn to the first FAQ answer, host CPU {HostProcess.CpuTime(process).TotalMilliseconds:F0} ms (Release build; load average {Machine.LoadAverage()})");
            await Task.Delay(200); // the host writes its timeline just after the answer
        }
        finally
        {
            await HostProcess.StopAsync(process);
        }
    }

    Console.WriteLine($"cold start to first FAQ answer: median {starts.Order().ElementAt(starts.Count / 2):F0} ms, best {starts.Min():F0} ms of {starts.Count}");
    return;
}

var workload = Workload.For(options.Scenario, options.RepoRoot, options.Conversations);
// The hosts this tool starts share one token signing key (required once several instances share state: each accepts the
// others' Direct Line tokens); for Direct Line they also get a secret and no per-conversation post limit (a returning
// conversation at saturation would meet it).
var directLineSecret = options.DirectLineSecret ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
var channel = BotChannel.For(options.Channel, directLineSecret);
string[] signingKey = ["--DirectLine:TokenSigningKey", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))];
string[] instanceArguments = options.Channel == ChannelKind.DirectLine
    ? [.. signingKey, "--DirectLine:Secret", directLineSecret, "--DirectLine:ActivityPostsPerMinute", "0"]
    : signingKey;
var hosts = new List<Process>();
var baseUrls = options.Urls.ToList();
try
{
    if (baseUrls.Count == 0)
    {
        for (var instance = 0; instance < Math.Max(1, options.Instances); instance++)
        {
            var stopwatch = Stopwatch.StartNew();
            var (host, url) = HostProcess.Start(options, instanceArguments);
            hosts.Add(host);
            baseUrls.Add(url);
            var firstAnswerMs = await HostProcess.FirstAnswerAsync(url, BenchTurns.DevSetQuestions(options.RepoRoot)[0], stopwatch);
            Console.WriteLine($"instance {instance + 1}: cold start to first FAQ answer: {firstAnswerMs:F0} ms (process spawn to reply, Release build), host CPU {HostProcess.CpuTime(host).TotalMilliseconds:F0} ms");
            Console.WriteLine($"instance {instance + 1}: host resident memory when ready: {Machine.ResidentMiB(host.Id):F0} MiB");
        }
    }

    var handlers = baseUrls.Select(_ => new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }).ToArray();
    var clients = baseUrls.Select((url, i) => new HttpClient(handlers[i]) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) }).ToArray();

    if (!await CrossInstanceCheck.ConversationsMoveAsync(clients, channel))
    {
        Console.WriteLine($"skipped: a conversation started on one instance is not known to the other ({channel.Name}); the instances do not share it (yet)");
        return;
    }

    Console.WriteLine($"warming up for {options.WarmupSeconds} s ...");
    var warm = await Run(TimeSpan.FromSeconds(options.WarmupSeconds), 0);

    Console.WriteLine($"measuring for {options.Seconds} s ...");
    var memory = hosts.Select(h => new ResidentMemorySampler(h.Id)).ToList();
    var hostCpuBefore = hosts.Select(HostProcess.CpuTime).ToArray();
    var treeCpuBefore = options.CpuOfProcessTree is { } tree ? Machine.ProcessTreeCpu(tree) : TimeSpan.Zero;
    var result = await Run(TimeSpan.FromSeconds(options.Seconds), warm.NextIndex + 1);
    var hostCpu = hosts.Select((h, i) => HostProcess.CpuTime(h) - hostCpuBefore[i]).Aggregate(TimeSpan.Zero, (a, b) => a + b);
    var treeCpu = options.CpuOfProcessTree is { } measured ? Machine.ProcessTreeCpu(measured) - treeCpuBefore : TimeSpan.Zero;
    result.Print(workload.Name, channel.Name);
    if (result.SortedLatencies.Length > 0 && hosts.Count > 0)
    {
        // CPU per turn: what a turn costs, which the machine's other load changes far less than it changes turns/s.
        Console.WriteLine(options.CpuOfProcessTree is { } pid
            ? $"CPU per turn: hosts {hostCpu.TotalMilliseconds / result.SortedLatencies.Length:F2} ms, process {pid} and children {treeCpu.TotalMilliseconds / result.SortedLatencies.Length:F2} ms"
            : $"CPU per turn: hosts {hostCpu.TotalMilliseconds / result.SortedLatencies.Length:F2} ms");
    }
    for (var i = 0; i < memory.Count; i++)
    {
        await memory[i].DisposeAsync();
        Console.WriteLine($"instance {i + 1}: host resident memory under load: peak {memory[i].PeakMiB:F0} MiB, at the end {memory[i].LastMiB:F0} MiB");
    }

    Console.WriteLine($"load average after: {Machine.LoadAverage()}");

    Task<LoadResult> Run(TimeSpan duration, long firstIndex) => options.Rate is { } rate
        ? LoadRunner.OpenLoopAsync(clients, channel, workload, rate, options.Visitors, duration, firstIndex)
        : LoadRunner.ClosedLoopAsync(clients, channel, workload, options.Connections, duration, firstIndex);
}
finally
{
    foreach (var host in hosts)
    {
        await HostProcess.StopAsync(host);
    }
}
