using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// One Microsoft 365 Agents Playground process (npm @microsoft/m365agentsplayground, Teams channel), headless and on
/// 127.0.0.1 only: no browser is opened (TEAMSAPPTESTER_BROWSER=none), telemetry is off (--dt), the HTTP server is
/// bound to loopback by playground/loopback-preload.cjs, and the bot is told to reply to http://127.0.0.1:PORT/_connector.
/// It runs in its own temporary folder (its devTools/ log goes there) and is killed with its process tree on dispose;
/// the preload also ends it if the test process dies first.
/// </summary>
public sealed partial class AgentsPlaygroundProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 400;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _workingDirectory;
    private readonly ConcurrentQueue<string> _output;

    private AgentsPlaygroundProcess(Process process, int port, string workingDirectory, ConcurrentQueue<string> output)
    {
        _process = process;
        Port = port;
        _workingDirectory = workingDirectory;
        _output = output;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string LogFile => Path.Combine(_workingDirectory, "m365agentsplayground.log");

    /// <summary>The playground's stdout and stderr so far, for failure reports.</summary>
    public IEnumerable<string> Output => _output;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the playground for <paramref name="botEndpoint"/> and waits until it listens and answers /_debug/ping.
    /// A port taken meanwhile makes the playground pick another one silently; then it is restarted on a new port.
    /// </summary>
    public static async Task<AgentsPlaygroundProcess> StartAsync(Uri botEndpoint, CancellationToken cancellationToken)
    {
        PlaygroundDirectory.EnsureInstalled();
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var playground = Launch(botEndpoint, FreeLoopbackPort.Next());
            try
            {
                await playground.WaitUntilReadyAsync(cancellationToken);
                return playground;
            }
            catch (PortTakenException ex)
            {
                last = ex;
                await playground.DisposeAsync();
            }
            catch
            {
                await playground.DisposeAsync();
                throw;
            }
        }

        throw new InvalidOperationException("The Agents Playground could not get a free port.", last);
    }

    private static AgentsPlaygroundProcess Launch(Uri botEndpoint, int port)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("b12bot-playground-").FullName;
        var start = new ProcessStartInfo(PlaygroundDirectory.Launcher)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "start",
                     "--app-endpoint", botEndpoint.ToString(),
                     "--channel-id", "msteams",
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--service-url", $"http://127.0.0.1:{port}/_connector",
                     "--disable-telemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // Settings that would change what the playground does if a developer had them set.
        foreach (var name in new[] { "BOT_ENDPOINT", "DEFAULT_CHANNEL_ID", "TEAMSAPPTESTER_PORT", "M365_AGENTS_PLAYGROUND_SERVICE_URL",
                     "M365_AGENTS_PLAYGROUND_CONVERSATION_ID", "M365_AGENTS_PLAYGROUND_TARGET_SDK", "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET",
                     "AUTH_TENANT_ID", "TEAMS_APP_TEST_TOOL_CONFIG_PATH", "SEND_INSTALLATION_ACTIVITY" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = PlaygroundDirectory.ConfigFile;
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workingDirectory, "m365agentsplayground.log");
        start.Environment["TEAMSAPPTESTER_LOGFILE"] = Path.Combine(workingDirectory, "m365agentsplayground.log");
        start.Environment["NODE_OPTIONS"] = $"--require \"{PlaygroundDirectory.LoopbackPreload}\"";
        start.Environment["B12BOT_E2E_EXIT_WITH_PARENT"] = "1";
        start.Environment["NO_COLOR"] = "1";

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is not null && output.Count < MaxOutputLines)
            {
                output.Enqueue(e.Data);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AgentsPlaygroundProcess(process, port, workingDirectory, output);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Agents Playground exited with code {_process.ExitCode} while starting.\n{Describe()}");
            }

            // It prints "Listening on PORT" once its server is up; only then is a pong on PORT surely its own.
            if (_output.Select(line => ListeningOn().Match(line)).FirstOrDefault(m => m.Success) is { } listening)
            {
                if (int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != Port)
                {
                    throw new PortTakenException();
                }

                if (await PingAsync(http, cancellationToken))
                {
                    return;
                }
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The Agents Playground did not answer /_debug/ping within {StartTimeout.TotalSeconds} s.\n{Describe()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<bool> PingAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetStringAsync("/_debug/ping", cancellationToken) == "pong";
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Its output and the tail of its log file, for a failure message.</summary>
    public string Describe()
    {
        var text = "playground output:\n  " + string.Join("\n  ", _output.TakeLast(40));
        try
        {
            if (File.Exists(LogFile))
            {
                text += "\nplayground log (tail):\n  " + string.Join("\n  ", File.ReadLines(LogFile).TakeLast(40).Select(l => l.Length > 400 ? l[..400] + "..." : l));
            }
        }
        catch (IOException)
        {
        }

        return text;
    }

    /// <summary>Copies the playground's log file to <paramref name="path"/> (best effort).</summary>
    public void SaveLog(string path)
    {
        try
        {
            if (File.Exists(LogFile))
            {
                File.Copy(LogFile, path, overwrite: true);
            }
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_workingDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();

    private sealed class PortTakenException : Exception;
}
