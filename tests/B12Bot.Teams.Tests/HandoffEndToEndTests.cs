using System.Text.Json.Nodes;
using B12Bot.Teams.Tests.Harness;
using Microsoft.Playwright;

namespace B12Bot.Teams.Tests;

/// <summary>
/// Issue 13 end to end in real clients: a visitor in the website's Web Chat (headless Debian Chromium) and the clinic's
/// "B12 Injections" channel in the Microsoft 365 Agents Playground, both talking to the real host. Saves a screenshot of
/// the website side (screenshots/handoff-webchat.png, and handoff-webchat-emergency.png); the clinic side is checked on
/// the playground's chat stream (its web UI did not show the bot-created thread in a channel when tried).
/// </summary>
public sealed class HandoffEndToEndTests(ITestOutputHelper output)
{
    [Fact(Timeout = 170_000)]
    public async Task A_website_visitor_and_a_nurse_in_the_clinic_channel_talk_and_an_emergency_reaches_both()
    {
        HeadlessChromium.EnsureInstalled();
        await using var teams = await TeamsPlayground.StartAsync(output, TimeSpan.FromSeconds(160),
            "--Handoff:TeamsChannelId", ClinicTenant.InjectionsChannelId,
            "--Handoff:ClinicPhone", "(555) 010-0199",
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
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.RouteAsync("**/*", route => new Uri(route.Request.Url).IsLoopback ? route.ContinueAsync() : route.AbortAsync());
        var visitor = await context.NewPageAsync();
        visitor.SetDefaultTimeout(20_000);
        await visitor.GotoAsync(teams.Bot.BaseAddress.ToString());

        // The visitor asks a question, then for a nurse, and agrees to share.
        await ExpectAsync(visitor, "automated B12 assistant");
        await SayAsync(visitor, "are b12 shots safe?");
        await Assertions.Expect(visitor.Locator(".webchat__basic-transcript .webchat__bubble__content").Nth(2)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await SayAsync(visitor, "I'd like to talk to a nurse");
        await ExpectAsync(visitor, "A team member will read this chat");
        await ClickQuickReplyAsync(visitor, "Yes");
        await ExpectAsync(visitor, "Someone should be with you");

        // The card appears in a new thread of the clinic channel.
        // The card is the root post of a new thread in the "B12 Injections" channel.
        var card = await teams.WaitForMessageAsync(m => m.ConversationId == ClinicTenant.InjectionsChannelId && m.Attachments.Count > 0, "the handoff card");
        var cardJson = card.Attachments[0]!["content"]!.ToJsonString();
        Assert.Contains("are b12 shots safe?", cardJson, StringComparison.Ordinal);
        Assert.Contains("Take this conversation", cardJson, StringComparison.Ordinal);
        var thread = $"{ClinicTenant.InjectionsChannelId};messageid={card.MessageId}";
        var data = card.Attachments[0]!["content"]!["actions"]![0]!["data"]!.AsObject();

        // A nurse (the playground's signed-in user, Alex Wilber) presses Take: the visitor hears that someone joined.
        await teams.SubmitAsync(thread, card.MessageId!, (JsonObject)data.DeepClone());
        await ExpectAsync(visitor, "Alex (Clinic team) has joined the chat");

        // The nurse writes in the thread, mentioning the bot; the visitor reads it.
        await teams.SendAsync(thread, "Hello, this is Alex, one of the nurses. How can I help?", mentionBot: true);
        await ExpectAsync(visitor, "Alex (Clinic team): Hello, this is Alex, one of the nurses. How can I help?");

        // The visitor's reply appears in the thread.
        await SayAsync(visitor, "Is it normal to feel tired after the injection?");
        await teams.WaitForMessageAsync(m => m.ConversationId == thread && m.Attachments.ToJsonString().Contains("Is it normal to feel tired after the injection?", StringComparison.Ordinal), "the visitor's reply in the thread");

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(folder, "handoff-webchat.png"), FullPage = true });

        // An emergency mid-chat: the urgent message on the website, an urgent alert in the thread.
        await SayAsync(visitor, "my throat is swelling and I can't breathe");
        await ExpectAsync(visitor, "911");
        var alert = await teams.WaitForMessageAsync(m => m.ConversationId == thread && m.Text?.StartsWith("URGENT", StringComparison.Ordinal) == true, "the urgent alert");
        output.WriteLine($"alert in the thread: {alert.Frame["message"]?["importance"]} {alert.Text}");

        await visitor.ScreenshotAsync(new() { Path = Path.Combine(folder, "handoff-webchat-emergency.png"), FullPage = true });
        output.WriteLine($"screenshots: {folder}");
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await Assertions.Expect(box).ToBeEditableAsync();
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private static Task ExpectAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator(".webchat__basic-transcript .webchat__bubble__content").Filter(new() { HasText = text }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });

    private static async Task ClickQuickReplyAsync(IPage page, string title)
    {
        var button = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
    }
}
