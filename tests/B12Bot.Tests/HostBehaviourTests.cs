using System.Net;
using System.Text;
using B12Bot.Conversation.Content;
using B12Bot.Hosting;
using B12Bot.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Tests;

public sealed class HostBehaviourTests : IAsyncLifetime
{
    private RunningBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Health_answers_once_the_bot_can_take_turns_and_the_chat_page_is_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await _bot.Client.GetAsync("/healthz")).StatusCode);

        var page = await _bot.Client.GetStringAsync("/");
        Assert.Contains("webchat", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_welcome_says_it_is_an_automated_assistant_and_offers_topics_once_per_conversation()
    {
        var update = Turns.Message(null, "welcome-1");
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount("b12bot"), new ChannelAccount("visitor-1")];

        var first = await _bot.SendAsync(update);
        var second = await _bot.SendAsync(update);

        var welcome = Assert.Single(first, r => r.Type == ActivityTypes.Message);
        Assert.Contains("automated", welcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(welcome.SuggestedActions!.Actions!);
        Assert.DoesNotContain(second, r => r.Type == ActivityTypes.Message);
    }

    [Fact]
    public async Task An_emergency_inside_the_walkthrough_stops_it_and_the_next_message_is_not_a_walkthrough_answer()
    {
        await _bot.SayAsync("check my symptoms", "walk-1");
        var urgent = await _bot.SayAsync("my tongue is swelling up", "walk-1");
        Assert.Contains(urgent, r => r.Importance == ActivityImportance.High);

        var after = await _bot.SayAsync("no", "walk-1");
        Assert.DoesNotContain(after, r => r.Importance == ActivityImportance.High);
        Assert.DoesNotContain("pregnant", Turns.Text(after), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task User_text_that_looks_like_markup_is_never_echoed_back()
    {
        const string hostile = "<img src=x onerror=alert(1)> <script>alert('x')</script> [click](javascript:alert(1))";

        var replies = await _bot.SayAsync(hostile, "markup-1");

        var text = Turns.Text(replies);
        Assert.NotEmpty(text);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Message_text_never_reaches_the_logs()
    {
        string[] secrets = ["I am pregnant and my name is Jane Zyxwvut", "my throat is swelling Qwertzuiop", "check my symptoms", "yes Plmoknijb"];
        foreach (var secret in secrets)
        {
            await _bot.SayAsync(secret, "privacy-1");
        }

        await _bot.SayAsync("throw if you can Asdfghjkl \u0000", "privacy-2");

        Assert.NotEmpty(_bot.Logs.Entries);
        foreach (var marker in new[] { "Zyxwvut", "Qwertzuiop", "Plmoknijb", "Asdfghjkl", "pregnant" })
        {
            Assert.DoesNotContain(_bot.Logs.Entries, entry => entry.Contains(marker, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("{\"type\":\"message\"")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"}")]
    [InlineData("null")]
    public async Task Malformed_activities_get_400_from_the_real_host(string body)
    {
        var response = await _bot.Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\ud83d\udc89\ud83d\udc89\ud83d\udc89")]
    [InlineData("\u202e\u0000\u200b\u200d")]
    public async Task Empty_or_odd_text_gets_a_graceful_reply(string text)
    {
        var replies = await _bot.SayAsync(text, Guid.NewGuid().ToString("N"));

        Assert.NotEmpty(Turns.Text(replies).Trim());
        Assert.DoesNotContain(replies, r => r.Importance == ActivityImportance.High);
    }

    [Fact]
    public async Task Huge_text_within_the_body_limit_gets_a_graceful_reply()
    {
        var replies = await _bot.SayAsync(string.Join(' ', Enumerable.Repeat("is b12 safe", 15_000)), "huge-1");

        Assert.NotEmpty(Turns.Text(replies).Trim());
    }

    [Fact]
    public async Task A_card_submit_describing_an_emergency_is_escalated()
    {
        var submit = Turns.Message(null, "card-1");
        submit.Value = System.Text.Json.JsonDocument.Parse("""{"answer":"I can't breathe and my face is swelling"}""").RootElement.Clone();

        var replies = await _bot.SendAsync(submit);

        Assert.Contains(replies, r => r.Importance == ActivityImportance.High);
    }
}

public sealed class ContentValidationAtStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-bad-content-").FullName;

    [Fact]
    public async Task A_broken_content_file_stops_the_host_with_file_and_line()
    {
        CopyContentWithAMisspeltKey();

        var error = await Assert.ThrowsAsync<ContentValidationException>(async () =>
        {
            await using var app = B12BotApplication.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--BotState:Provider", "Memory", "--B12Bot:DialogsPath", _folder]);
            await app.StartAsync();
        });

        Assert.Contains("faq.yaml", error.Message);
        Assert.Matches(@"faq\.yaml:\d+", error.Message);
    }

    [Fact]
    public async Task The_host_process_prints_the_file_and_line_list_without_a_stack_trace_and_exits_with_1()
    {
        CopyContentWithAMisspeltKey();

        // The real program, as `dotnet run` starts it: what a clinic editor sees in the console.
        var (exitCode, console) = await RunHostProcessAsync("Development", "--B12Bot:DialogsPath", _folder);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"faq\.yaml:\d+", console);
        Assert.StartsWith("The bot's content has", console.TrimStart());
        Assert.DoesNotMatch(@"(?m)^\s+at \S", console);
        Assert.DoesNotContain("Exception", console);
    }

    [Fact]
    public async Task A_missing_production_setting_is_named_without_a_stack_trace_and_the_host_exits_with_1()
    {
        // Production requires the public chat address; an operator who forgot it sees which setting, not a crash dump.
        var (exitCode, console) = await RunHostProcessAsync("Production", "--DirectLine:PublicBaseUrl", "");

        Assert.Equal(1, exitCode);
        // The model may log its load first (it loads on its own thread); then the list of settings to fix.
        Assert.Contains("The bot's settings are not valid:", console);
        Assert.Contains("DirectLine:PublicBaseUrl", console);
        Assert.DoesNotMatch(@"(?m)^\s+at \S", console);
        Assert.DoesNotContain("Exception", console);
    }

    [Theory]
    [InlineData("AzureBlobs", "Blob Storage has no publish/subscribe")]
    [InlineData("PostgreSql", "needs a database")]
    public async Task A_direct_line_history_for_several_instances_that_cannot_be_served_is_named_and_the_host_exits_with_1(string history, string reason)
    {
        // An operator who expects Azure Blob state to carry Direct Line across instances, or who chose the shared
        // history without a database, learns at start why, instead of visitors losing replies on the other instance.
        var (exitCode, console) = await RunHostProcessAsync(
            "Development", "--DirectLine:History:Provider", history, "--DirectLine:TokenSigningKey", new string('k', 32));

        Assert.Equal(1, exitCode);
        Assert.Contains("The bot's settings are not valid:", console);
        Assert.Contains("DirectLine:History:Provider \"" + history + "\"", console);
        Assert.Contains(reason, console);
        Assert.DoesNotMatch(@"(?m)^\s+at \S", console);
    }

    private static async Task<(int ExitCode, string Console)> RunHostProcessAsync(string environment, params string[] settings)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in (string[])[typeof(B12BotApplication).Assembly.Location, "--urls", "http://127.0.0.1:0", "--BotState:Provider", "Memory", .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        using var host = System.Diagnostics.Process.Start(start)!;
        var output = host.StandardOutput.ReadToEndAsync();
        var errors = host.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await host.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            host.Kill(entireProcessTree: true);
            throw;
        }

        return (host.ExitCode, await output + await errors);
    }

    private void CopyContentWithAMisspeltKey()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "dialogs")))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        var faq = Path.Combine(_folder, "faq.yaml");
        var lines = File.ReadAllLines(faq).ToList();
        var answerLine = lines.FindIndex(l => l.TrimStart().StartsWith("answer:", StringComparison.Ordinal));
        lines[answerLine] = lines[answerLine].Replace("answer:", "answr:", StringComparison.Ordinal);
        File.WriteAllLines(faq, lines);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
