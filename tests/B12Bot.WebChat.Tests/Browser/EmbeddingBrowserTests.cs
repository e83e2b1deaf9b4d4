using B12Bot.WebChat.Tests.Support;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>The documented embed snippet on a clinic's own site (another origin), in real headless Chromium.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class EmbeddingBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_snippet_adds_a_launcher_that_opens_a_working_chat_across_origins()
    {
        await using var site = await ClinicSiteHost.StartAsync();
        await using var bot = await DirectLineTestHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = site.Origin });
        site.EmbedChatFrom(bot.BaseAddress);
        var chat = await ChatPage.OpenAsync(_context, site.BaseAddress);

        var launcher = chat.Page.GetByRole(AriaRole.Button, new() { Name = "Questions about B12 injections?" });
        await Assertions.Expect(launcher).ToBeVisibleAsync();
        await chat.ScreenshotAsync("embed-1-launcher");
        await launcher.ClickAsync();

        await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);
        await Assertions.Expect(chat.Page.GetByText("Ask our B12 assistant (automated)")).ToBeVisibleAsync();
        await chat.SendAsync("hello from the clinic site");
        await chat.ExpectMessageAsync("You said: hello from the clinic site");
        await chat.ScreenshotAsync("embed-2-chat");

        // A reload brings the open chat and the conversation back.
        await chat.ReloadAsync();
        await chat.ExpectMessageAsync("You said: hello from the clinic site");
        Assert.Empty(chat.ConsoleErrors);
    }

    [Fact]
    public async Task A_site_whose_origin_is_not_allowed_gets_a_clear_message_instead_of_a_chat()
    {
        await using var site = await ClinicSiteHost.StartAsync();
        await using var bot = await DirectLineTestHost.StartAsync();
        site.EmbedChatFrom(bot.BaseAddress);
        var chat = await ChatPage.OpenAsync(_context, site.BaseAddress);

        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Questions about B12 injections?" }).ClickAsync();

        await Assertions.Expect(chat.Page.GetByText("The chat is not available right now")).ToBeVisibleAsync();
        Assert.Empty(bot.Bot.Received);
    }
}
