using B12Bot.Teams.Tests.Harness;
using Microsoft.Playwright;

namespace B12Bot.Teams.Tests;

/// <summary>
/// Issue 13 end to end in real clients, both in headless Debian Chromium: a visitor in the website's Web Chat, and a
/// nurse (the playground's signed-in user, Alex Wilber) in the clinic's "B12 Injections" channel in the Microsoft 365
/// Agents Playground's own Teams-like web UI, both talking to the real host. The nurse sees the handoff card in a new
/// thread, presses "Take this conversation" and replies in the thread, mentioning the bot, all by clicking and typing.
/// Saves screenshots of both sides in screenshots/ beside the test binaries (and in docs/images when
/// B12BOT_DOC_SCREENSHOTS=1, to refresh README's).
/// </summary>
public sealed class HandoffEndToEndTests(ITestOutputHelper output)
{
    private const string Question = "are b12 shots safe?";
    private const string NurseMessage = "Hello, this is Alex, one of the nurses. How can I help?";
    private const string VisitorReply = "Is it normal to feel tired after the injection?";
    private const string Emergency = "my throat is swelling and I can't breathe";

    // The symptom check's questions in order, with the visitor's button presses: symptoms without a blood test.
    private static readonly (string Question, string Answer)[] Walkthrough =
    [
        ("allergy", "No"), ("pregnancy", "No"), ("neuro", "No"), ("malabsorption", "No"),
        ("diet", "I eat meat, fish, eggs or dairy"), ("medications", "Yes"), ("treatment", "No"), ("labs", "Not tested"),
    ];

    [Fact(Timeout = 280_000)]
    public async Task A_website_visitor_and_a_nurse_in_the_clinic_channel_talk_and_an_emergency_reaches_both()
    {
        HeadlessChromium.EnsureInstalled();
        await using var teams = await TeamsPlayground.StartAsync(output, TimeSpan.FromSeconds(270),
            "--Handoff:TeamsChannelId", ClinicTenant.InjectionsChannelId,
            "--Handoff:ClinicPhone", "(555) 010-0199",
            "--Handoff:RecentMessages", "3",
            "--Handoff:OfficeDays:0", "Sunday", "--Handoff:OfficeDays:1", "Monday", "--Handoff:OfficeDays:2", "Tuesday",
            "--Handoff:OfficeDays:3", "Wednesday", "--Handoff:OfficeDays:4", "Thursday", "--Handoff:OfficeDays:5", "Friday",
            "--Handoff:OfficeDays:6", "Saturday", "--Handoff:Opens", "00:00", "--Handoff:Closes", "23:59:59.9999999");
        await teams.InstallInTeamAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = HeadlessChromium.ExecutablePath,
            Headless = true,
            Args = HeadlessChromium.Arguments,
        });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await context.RouteAsync("**/*", route => new Uri(route.Request.Url).IsLoopback ? route.ContinueAsync() : route.AbortAsync());

        // The nurse has the clinic channel open in Teams (the playground's UI shows what arrives while it is open).
        var clinic = await PlaygroundChannelView.OpenAsync(context, teams.Playground.BaseAddress, "B12 Injections");
        await clinic.Page.SetViewportSizeAsync(1280, 1400); // the whole card in one screenshot

        var visitor = await context.NewPageAsync();
        visitor.SetDefaultTimeout(20_000);
        await visitor.GotoAsync(teams.Bot.BaseAddress.ToString());

        // The visitor does the symptom check, asks a question, then asks for a nurse and agrees to share.
        await ExpectAsync(visitor, "automated B12 assistant");
        await SayAsync(visitor, "check my symptoms");
        foreach (var (question, answer) in Walkthrough)
        {
            await ExpectAsync(visitor, ClinicContent.Normalize(ClinicContent.WalkthroughPrompt(question))[..30]);
            await ClickQuickReplyAsync(visitor, answer);
        }

        await ExpectAsync(visitor, "Get a blood test first.");
        await SayAsync(visitor, Question);
        await Assertions.Expect(visitor.Locator(".webchat__basic-transcript .webchat__bubble__content").Filter(new() { HasText = Question })).ToBeVisibleAsync();
        await SayAsync(visitor, "I'd like to talk to a nurse");
        await ExpectAsync(visitor, "A team member will read this chat");
        await ClickQuickReplyAsync(visitor, "Yes");
        await ExpectAsync(visitor, "Someone should be with you");

        // In Teams, the card is the root post of a new thread in the channel: the visitor's words, the symptom check
        // summary and the button. (The chat stream, which the UI reads, says it was posted in that channel.)
        await teams.WaitForMessageAsync(m => m.ConversationId == ClinicTenant.InjectionsChannelId && m.Attachments.Count > 0, "the handoff card");
        var thread = clinic.Post("A website visitor would like to talk to someone");
        await Assertions.Expect(thread).ToBeVisibleAsync();
        await Assertions.Expect(thread.GetByText(Question, new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(thread.GetByText("Symptom check summary (the bot's walkthrough):")).ToBeVisibleAsync();
        await Assertions.Expect(thread.GetByText("Get a blood test first.", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(thread.GetByText("**")).ToHaveCountAsync(0);
        await Assertions.Expect(thread.GetByRole(AriaRole.Button, new() { Name = "Take this conversation" })).ToBeVisibleAsync();
        await ScreenshotAsync(clinic.Page, thread, "handoff-teams-card.png");

        // The nurse presses Take in Teams: the card now says who took it, and the visitor hears that someone joined.
        await PlaygroundChannelView.PressAsync(thread, "Take this conversation");
        await ExpectAsync(visitor, "Alex (Clinic team) has joined the chat");
        thread = clinic.Post("Taken by Alex");
        await Assertions.Expect(thread.GetByRole(AriaRole.Button, new() { Name = "End the chat" })).ToBeVisibleAsync();
        await Assertions.Expect(thread.GetByRole(AriaRole.Button, new() { Name = "Take this conversation" })).ToHaveCountAsync(0);

        // The nurse replies in the thread, mentioning the bot; the visitor reads it, and the visitor's reply appears in the thread.
        await clinic.ReplyMentioningBotAsync(thread, ClinicTenant.BotName, NurseMessage);
        await ExpectAsync(visitor, $"Alex (Clinic team): {NurseMessage}");
        await SayAsync(visitor, VisitorReply);
        await Assertions.Expect(thread.GetByText(VisitorReply, new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync(clinic.Page, thread, "handoff-teams-thread.png");
        await ScreenshotAsync(visitor, null, "handoff-webchat.png");

        // An emergency mid-chat: the urgent message on the website, an urgent alert and the flagged message in the thread.
        await SayAsync(visitor, Emergency);
        await ExpectAsync(visitor, "911");
        await Assertions.Expect(thread.GetByText("URGENT:")).ToBeVisibleAsync();
        await Assertions.Expect(thread.GetByText("Visitor (the safety check flagged this message):")).ToBeVisibleAsync();
        await Assertions.Expect(thread.GetByText(Emergency, new() { Exact = true })).ToBeVisibleAsync();
        var alert = await teams.WaitForMessageAsync(m => m.Text?.StartsWith("URGENT", StringComparison.Ordinal) == true, "the urgent alert");
        Assert.Equal("high", alert.Frame["message"]?["importance"]?.GetValue<string>() ?? "high");
        await ScreenshotAsync(clinic.Page, thread, "handoff-teams-emergency.png");
        await ScreenshotAsync(visitor, null, "handoff-webchat-emergency.png");
    }

    /// <summary>
    /// Saves a screenshot of the page (scrolled so <paramref name="subject"/> is at the top, if given) in screenshots/
    /// beside the test binaries, and in the repository's docs/images when B12BOT_DOC_SCREENSHOTS=1.
    /// </summary>
    private async Task ScreenshotAsync(IPage page, ILocator? subject, string name)
    {
        if (subject is not null)
        {
            await subject.EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        }

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = subject is null });
        Assert.True(new FileInfo(path).Length > 0);
        if (Environment.GetEnvironmentVariable("B12BOT_DOC_SCREENSHOTS") == "1")
        {
            var docs = Path.GetFullPath(Path.Combine(PlaygroundDirectory.Path, "..", "..", "..", "docs", "images"));
            File.Copy(path, Path.Combine(docs, name), overwrite: true);
            path = Path.Combine(docs, name);
        }

        output.WriteLine($"screenshot: {path}");
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await Assertions.Expect(box).ToBeEditableAsync();
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private static Task ExpectAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator(".webchat__basic-transcript .webchat__bubble__content").Filter(new() { HasText = text }).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });

    private static async Task ClickQuickReplyAsync(IPage page, string title)
    {
        var button = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
    }
}
