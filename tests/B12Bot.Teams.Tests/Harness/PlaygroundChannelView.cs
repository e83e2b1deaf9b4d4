using Microsoft.Playwright;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// The playground's Teams-like web UI in a browser page, opened on one channel of the clinic's team: what a staff
/// member sees and clicks. The UI only shows what arrives on its WebSocket while it is open (it loads no history), so
/// it must be opened before the bot posts what the test wants to see.
/// </summary>
public sealed class PlaygroundChannelView
{
    private readonly IPage _page;

    private PlaygroundChannelView(IPage page) => _page = page;

    public IPage Page => _page;

    /// <summary>Opens the playground UI and selects the channel named <paramref name="channelName"/> in "Teams Channel".</summary>
    public static async Task<PlaygroundChannelView> OpenAsync(IBrowserContext context, Uri playground, string channelName)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)TeamsPlayground.TurnTimeout.TotalMilliseconds);
        // Its 9 MB script bundle is slow to load on a busy machine; the page is ready once the channel list shows.
        await page.GotoAsync(playground.ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        var channel = page.GetByRole(AriaRole.Treeitem, new() { Name = channelName, Exact = false }).First;
        await channel.ClickAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("Start a new post")).ToBeVisibleAsync();
        return new PlaygroundChannelView(page);
    }

    /// <summary>The post (a thread: its root message and replies) whose text contains <paramref name="text"/>.</summary>
    public ILocator Post(string text) => _page.Locator("div.fui-Card[role='group']").Filter(new() { HasText = text });

    /// <summary>Presses a button (an Adaptive Card action) in <paramref name="post"/>, as a staff member clicks it.</summary>
    public static async Task PressAsync(ILocator post, string button)
    {
        var action = post.GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
        await Assertions.Expect(action).ToBeVisibleAsync();
        await action.ClickAsync();
    }

    /// <summary>
    /// Replies in the thread of <paramref name="post"/>: types "@" and the start of the bot's name, picks the bot in the
    /// mention menu (as in Teams, the bot only hears channel messages that mention it), types the text and sends it.
    /// </summary>
    public async Task ReplyMentioningBotAsync(ILocator post, string botName, string text)
    {
        var box = post.Locator("[data-lexical-editor='true'][role='textbox']");
        await box.ClickAsync();
        await _page.Keyboard.TypeAsync("@" + botName[..3]);
        var pick = _page.GetByRole(AriaRole.Menuitem, new() { Name = botName });
        await Assertions.Expect(pick).ToBeVisibleAsync();
        await pick.ClickAsync();
        await _page.Keyboard.TypeAsync(" " + text);
        await post.GetByRole(AriaRole.Button, new() { Name = "Send Message" }).ClickAsync();
    }
}
