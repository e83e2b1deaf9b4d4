using System.Diagnostics;
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

if (options.Scenario == Scenario.ColdStart)
{
    var starts = new List<double>();
    for (var i = 0; i < options.Repeats; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        var (process, url) = HostProcess.Start(options);
        try
        {
            starts.Add(await HostProcess.FirstAnswerAsync(url, Workload.FirstQuestion(options.RepoRoot), stopwatch));
            Console.WriteLine($"cold start {i + 1}: {starts[^1]:F0} ms from process spawn to the first FAQ answer, host CPU {HostProcess.CpuTime(process).TotalMilliseconds:F0} ms (Release build; load average {Machine.LoadAverage()})");
        }
        finally
        {
            await HostProcess.StopAsync(process);
        }
    }

    Console.WriteLine($"cold start to first FAQ answer: median {starts.Order().ElementAt(starts.Count / 2):F0} ms, best {starts.Min():F0} ms of {starts.Count}");
    return;
}

var workload = Workload.For(options.Scenario, options.RepoRoot);
Process? host = null;
var baseUrl = options.Url;
try
{
    if (baseUrl is null)
    {
        var stopwatch = Stopwatch.StartNew();
        (host, baseUrl) = HostProcess.Start(options);
        var firstAnswerMs = await HostProcess.FirstAnswerAsync(baseUrl, Workload.FirstQuestion(options.RepoRoot), stopwatch);
        Console.WriteLine($"cold start to first FAQ answer: {firstAnswerMs:F0} ms (process spawn to reply, Release build), host CPU {HostProcess.CpuTime(host).TotalMilliseconds:F0} ms");
        Console.WriteLine($"host resident memory when ready: {Machine.ResidentMiB(host.Id):F0} MiB");
    }

    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    Console.WriteLine($"warming up for {options.WarmupSeconds} s ...");
    var warm = await Run(TimeSpan.FromSeconds(options.WarmupSeconds), 0);

    Console.WriteLine($"measuring for {options.Seconds} s ...");
    await using var memory = host is null ? null : new ResidentMemorySampler(host.Id);
    var result = await Run(TimeSpan.FromSeconds(options.Seconds), warm.NextIndex + 1);
    result.Print(workload.Name);
    if (memory is not null)
    {
        Console.WriteLine($"host resident memory under load: peak {memory.PeakMiB:F0} MiB, at the end {memory.LastMiB:F0} MiB");
    }

    Console.WriteLine($"load average after: {Machine.LoadAverage()}");

    Task<LoadResult> Run(TimeSpan duration, long firstIndex) => options.Rate is { } rate
        ? LoadRunner.OpenLoopAsync(client, workload, rate, options.Visitors, duration, firstIndex)
        : LoadRunner.ClosedLoopAsync(client, workload, options.Connections, duration, firstIndex);
}
finally
{
    await HostProcess.StopAsync(host);
}
