using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using B12Bot.Bench;
using BotRuntime.Schema;

namespace B12Bot.LoadTest;

/// <summary>The Release build of src/B12Bot as a child process on a free loopback port, with its own fresh state file.</summary>
internal static class HostProcess
{
    public static (Process Process, string Url) Start(LoadTestOptions options, IEnumerable<string> extraArguments)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
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
        foreach (var argument in new[] { dll, "--urls", url, "--BotState:SqlitePath", state, "--Logging:LogLevel:Default", "Warning" }.Concat(extraArguments).Concat(options.HostArguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Development: without an app id, /api/messages is open to local callers there only (the load test is one).
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var variable in options.HostEnvironment)
        {
            var (name, value) = variable.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (variable[..at], variable[(at + 1)..]) : (variable, "");
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            // The host's own start-up timeline (logged after its first answer when its category logs Information).
            if (e.Data?.Contains("Start-up timeline", StringComparison.Ordinal) == true)
            {
                Console.WriteLine($"  in-process: {e.Data.Trim()}");
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, url);
    }

    /// <summary>Time from <paramref name="sinceSpawn"/> until the host answers a FAQ question (polling every 5 ms).</summary>
    /// <summary>CPU time the host has used so far (all its threads), from /proc: on a busy machine, the part of a cold
    /// start that is the host's own work rather than waiting for a core.</summary>
    public static TimeSpan CpuTime(Process host)
    {
        host.Refresh();
        return host.TotalProcessorTime;
    }

    public static async Task<double> FirstAnswerAsync(string baseUrl, string question, Stopwatch sinceSpawn)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        while (sinceSpawn.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await client.PostAsJsonAsync("/api/messages", BenchTurns.Message(question, "cold-start"), BotJsonContext.Default.Activity);
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
            catch (TaskCanceledException)
            {
                // Listening but not answering within the request timeout yet (a loaded machine): ask again.
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("The host did not answer within 60 s.");
    }

    public static async Task StopAsync(Process? host)
    {
        if (host is { HasExited: false })
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
