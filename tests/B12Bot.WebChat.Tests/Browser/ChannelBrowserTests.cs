using B12Bot.WebChat.Tests.Support;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>
/// The page and Web Chat against the self-hosted channel with a scripted bot, in real headless Chromium: the channel's
/// behaviour as a visitor meets it, over the WebSocket and with polling.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class ChannelBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Welcome_quick_reply_typed_message_and_reload_resume(bool webSocket)
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:WebChat:WebSocket"] = webSocket ? "true" : "false", ["DirectLine:WebChat:PollingIntervalMs"] = "250" });
        var transport = webSocket ? "websocket" : "polling";
        var chat = await ChatPage.OpenAsync(_context, host.BaseAddress);

        await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);
        await chat.ScreenshotAsync($"channel-{transport}-1-welcome");

        await chat.ClickQuickReplyAsync(ScriptedTestBot.QuickReply);
        await chat.ExpectMessageAsync(ScriptedTestBot.QuickReplyAnswer);

        await chat.SendAsync("Do injections hurt?");
        await chat.ExpectMessageAsync("You said: Do injections hurt?");
        await chat.ExpectAllSentAsync();
        await chat.ScreenshotAsync($"channel-{transport}-2-conversation");

        await chat.ReloadAsync();
        await chat.ExpectMessageAsync("You said: Do injections hurt?");
        await chat.ExpectMessageAsync(ScriptedTestBot.QuickReplyAnswer);
        Assert.Equal(1, await chat.CountMessagesAsync(ScriptedTestBot.Welcome));
        Assert.Single(host.Bot.Received, a => a.Type == "conversationUpdate");

        await chat.SendAsync("after the reload");
        await chat.ExpectMessageAsync("You said: after the reload");
        await chat.ScreenshotAsync($"channel-{transport}-3-resumed");

        if (webSocket)
        {
            Assert.True(chat.WebSocketsOpened >= 1);
        }
        else
        {
            Assert.Equal(0, chat.WebSocketsOpened);
        }

        Assert.Empty(chat.ConsoleErrors);
    }

    [Fact]
    public async Task A_reload_after_the_server_forgot_the_conversation_starts_a_new_one()
    {
        var host = await DirectLineTestHost.StartAsync();
        var port = host.BaseAddress.Port;
        DirectLineTestHost? restarted = null;
        try
        {
            var chat = await ChatPage.OpenAsync(_context, host.BaseAddress);
            await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);
            await chat.SendAsync("before the restart");
            await chat.ExpectMessageAsync("You said: before the restart");

            // The process restarts: conversations lived in its memory and are gone.
            await host.DisposeAsync();
            restarted = await DirectLineTestHost.StartAsync(port: port);
            await chat.ReloadAsync();

            await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);
            Assert.Equal(0, await chat.CountMessagesAsync("before the restart"));
            await chat.SendAsync("after the restart");
            await chat.ExpectMessageAsync("You said: after the restart");
            await chat.ScreenshotAsync("channel-after-restart");
        }
        finally
        {
            await (restarted ?? host).DisposeAsync();
        }
    }

    [Fact]
    public async Task With_the_SQLite_history_and_a_fixed_key_a_reload_after_a_restart_resumes_the_conversation()
    {
        var folder = Directory.CreateTempSubdirectory("directline-browser-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["DirectLine:History:Provider"] = "Sqlite",
            ["DirectLine:History:SqlitePath"] = Path.Combine(folder, "history.db"),
        };
        var host = await DirectLineTestHost.StartAsync(settings);
        var port = host.BaseAddress.Port;
        DirectLineTestHost? restarted = null;
        try
        {
            var chat = await ChatPage.OpenAsync(_context, host.BaseAddress);
            await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);
            await chat.SendAsync("remember me");
            await chat.ExpectMessageAsync("You said: remember me");

            await host.DisposeAsync();
            restarted = await DirectLineTestHost.StartAsync(settings, port: port);
            await chat.ReloadAsync();

            await chat.ExpectMessageAsync("You said: remember me");
            await chat.SendAsync("still the same conversation");
            await chat.ExpectMessageAsync("You said: still the same conversation");
            Assert.Equal(1, await chat.CountMessagesAsync(ScriptedTestBot.Welcome));
            Assert.DoesNotContain(restarted.Bot.Received, a => a.Type == "conversationUpdate");
            await chat.ScreenshotAsync("channel-sqlite-after-restart");
        }
        finally
        {
            await (restarted ?? host).DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Markdown_from_the_bot_renders_and_the_users_text_never_runs_as_html()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var chat = await ChatPage.OpenAsync(_context, host.BaseAddress);
        await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);

        await chat.SendAsync("markdown");
        await Assertions.Expect(chat.Transcript.Locator("strong", new() { HasText = "bold text" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(chat.Transcript.Locator("a[href='https://example.org/b12']")).ToBeVisibleAsync();

        const string attack = "<img src=x onerror=\"window.__pwned=1\"> **not bold** <b>nor this</b>";
        await chat.SendAsync(attack);
        await chat.ExpectMessageAsync("You said: <img src=x");
        await chat.ScreenshotAsync("channel-markup-safety");

        Assert.Null(await chat.Page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await chat.Transcript.Locator("img[src='x']").CountAsync());
        Assert.Equal(0, await chat.Transcript.Locator("b", new() { HasText = "nor this" }).CountAsync());
        Assert.Equal(0, await chat.Transcript.Locator("strong", new() { HasText = "not bold" }).CountAsync());
    }

    [Fact]
    public async Task The_page_says_it_is_an_automated_assistant()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var chat = await ChatPage.OpenAsync(_context, host.BaseAddress);

        await Assertions.Expect(chat.Page.GetByText("An automated assistant, not a clinician")).ToBeVisibleAsync();
        await Assertions.Expect(chat.Page.GetByText("Automated assistant · not a clinician")).ToBeVisibleAsync();
    }
}
