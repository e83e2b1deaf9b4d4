using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using BotRuntime.Schema;
using Activity = BotRuntime.Schema.Activity;

namespace BotRuntime.Storage.Tests.Servers;

/// <summary>One instance of tests/support/ScaleOutHost as its own process on a loopback port.</summary>
public sealed class ScaleOutHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ScaleOutHostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public static async Task<ScaleOutHostProcess> StartAsync(string provider, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var dll = typeof(ScaleOutHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "ScaleOutHostPath").Value!;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build tests/BotRuntime.Storage.Tests (it builds the host).");
        }

        var chosenPort = port ?? LoopbackPorts.Free();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[dll, "--urls", $"http://127.0.0.1:{chosenPort}", "--environment", "Development", "--BotState:Provider", provider])
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add("--" + key);
            info.ArgumentList.Add(value);
        }

        var host = new ScaleOutHostProcess(Process.Start(info)!, chosenPort);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync();
        return host;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The scale-out host exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                if ((await Client.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The scale-out host on port {Port} was not ready after 60 s: {Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Sends one message of <paramref name="conversationId"/> and returns the HTTP status and the reply texts.</summary>
    public async Task<(int Status, List<string> Replies)> SendAsync(string conversationId, string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = Channels.Emulator,
            ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount("user-" + conversationId, "User", RoleTypes.User),
            Recipient = new ChannelAccount("bot-1", "Bot", RoleTypes.Bot),
            Conversation = new ConversationAccount(conversationId),
            Text = text,
            DeliveryMode = DeliveryModes.ExpectReplies,
            Locale = "en-US",
        };
        using var response = await Client.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode, []);
        }

        var replies = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies);
        return ((int)response.StatusCode, replies!.Activities.Where(a => a.Type == ActivityTypes.Message).Select(a => a.Text ?? "").ToList());
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
