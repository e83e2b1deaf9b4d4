using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>The chat page as a visitor uses it: read the transcript, click quick replies, type, reload; with screenshots.</summary>
public sealed class ChatPage
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private readonly List<string> _consoleErrors = [];

    private ChatPage(IPage page, Uri baseAddress)
    {
        Page = page;
        BaseAddress = baseAddress;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        page.WebSocket += (_, _) => WebSocketsOpened++;
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public int WebSocketsOpened { get; private set; }

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public ILocator Transcript => Page.Locator(".webchat__basic-transcript");

    /// <summary>The visible message bubbles (the transcript also holds hidden copies for screen readers).</summary>
    public ILocator Bubbles => Transcript.Locator(".webchat__bubble__content");

    public ILocator SendBox => Page.Locator("[data-id='webchat-sendbox-input']");

    public static async Task<ChatPage> OpenAsync(IBrowserContext context, Uri baseAddress, string path = "/")
    {
        var page = await context.NewPageAsync();
        var chat = new ChatPage(page, baseAddress);
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        return chat;
    }

    /// <summary>Waits until a bot or user bubble with this text is shown; on failure saves a screenshot and reports console errors.</summary>
    public async Task ExpectMessageAsync(string text, float timeoutMs = 20_000)
    {
        try
        {
            await Assertions.Expect(Bubbles.Filter(new() { HasText = text }).First).ToBeVisibleAsync(new() { Timeout = timeoutMs });
        }
        catch (PlaywrightException ex)
        {
            await ScreenshotAsync("failure-" + DateTime.UtcNow.ToString("HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture));
            throw new Xunit.Sdk.XunitException($"No message containing \"{text}\" appeared. Console errors: [{string.Join(" | ", _consoleErrors)}]. {ex.Message}");
        }
    }

    /// <summary>
    /// Every message the visitor sent shows as sent: Web Chat marks a message sent only when the channel echoes it back
    /// with its clientActivityID; otherwise it says "Sending" and, after 20 s, "Send failed".
    /// </summary>
    public async Task ExpectAllSentAsync()
    {
        await Assertions.Expect(Transcript.GetByText("Sending", new() { Exact = false })).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Assertions.Expect(Transcript.GetByText("Send failed", new() { Exact = false })).ToHaveCountAsync(0);
    }

    public Task<int> CountMessagesAsync(string text) => Bubbles.Filter(new() { HasText = text }).CountAsync();

    public async Task ClickQuickReplyAsync(string title)
    {
        // The suggested actions bar under the transcript (the live region keeps an invisible copy for screen readers).
        var button = Page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
        await Assertions.Expect(button).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await button.ClickAsync();
    }

    public async Task SendAsync(string text)
    {
        await Assertions.Expect(SendBox).ToBeEditableAsync(new() { Timeout = 20_000 });
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
    }

    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
    }

    /// <summary>
    /// Saves bin/.../screenshots/NAME.png: the whole page, or only what the viewport shows (the first screen on a phone);
    /// one image pixel per CSS px on every screen, so the files stay small.
    /// </summary>
    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage, Scale = ScreenshotScale.Css });
    }

    /// <summary>
    /// Starts recording what is put into the page's ARIA live regions (what a screen reader announces). Web Chat adds each
    /// new message to its live region and removes it a second later, so the test records the additions as they happen.
    /// </summary>
    public Task StartRecordingAnnouncementsAsync() => Page.EvaluateAsync(
        """
        () => {
          window.__announced = [];
          new MutationObserver(records => {
            for (const record of records) {
              const region = (record.target.nodeType === 1 ? record.target : record.target.parentElement)?.closest('[aria-live]:not([aria-live="off"])');
              if (region && record.addedNodes.length) {
                window.__announced.push({ live: region.getAttribute('aria-live'), role: region.getAttribute('role'), text: [...record.addedNodes].map(n => n.textContent).join(' ') });
              }
            }
          }).observe(document.body, { childList: true, subtree: true });
        }
        """);

    /// <summary>What was added to live regions since <see cref="StartRecordingAnnouncementsAsync"/>, one line per addition ("polite log: text").</summary>
    public async Task<IReadOnlyList<string>> AnnouncementsAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.__announced.map(a => `${a.live} ${a.role}: ${a.text}`)");

    /// <summary>Where an element is on the screen, in CSS px of the viewport.</summary>
    public static async Task<LayoutBox> BoxAsync(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{locator} is not shown.");
        return new LayoutBox(box.X, box.Y, box.Width, box.Height);
    }
}

/// <summary>A rectangle on the screen in CSS px.</summary>
public readonly record struct LayoutBox(double X, double Y, double Width, double Height)
{
    public double Bottom => Y + Height;

    public double Right => X + Width;
}
