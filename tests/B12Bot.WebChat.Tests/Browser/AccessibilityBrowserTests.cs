using B12Bot.Conversation.Content;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>
/// Accessibility kept as a test, with the real B12 bot: axe-core (npm, injected by the test) finds no WCAG 2.1 A/AA (nor
/// best-practice) violation on the page or the widget after an answer, a walkthrough question and the urgent message;
/// the keyboard alone opens the chat, sends, presses a suggested action and closes it; the urgent message reaches a screen reader
/// through Web Chat's live region.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class AccessibilityBrowserTests(ChromiumFixture chromium)
{
    private const string LauncherLabel = "Questions about B12 injections?";
    private const string PanelTitle = "Ask our B12 assistant (automated)";

    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task The_page_has_no_WCAG_violations_after_an_answer_a_walkthrough_question_and_the_urgent_message(string viewport)
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(viewport));
        await using var host = await ProductHost.StartAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        await Assertions.Expect(chat.SendBox).ToBeVisibleAsync(new() { Timeout = 20_000 });
        PageChecks.AssertNone(await PageChecks.AxeViolationsAsync(chat.Page), "axe-core violations");

        await new B12Visitor(chat, host.Services.GetRequiredService<B12Content>()).HaveTheFullConversationAsync();

        PageChecks.AssertNone(await PageChecks.AxeViolationsAsync(chat.Page), "axe-core violations");
        await chat.ScreenshotAsync($"a11y-page-{viewport}");
    }

    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task The_widget_has_no_WCAG_violations_closed_or_after_the_same_conversation(string viewport)
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(viewport));
        await using var site = await ClinicSiteHost.StartAsync();
        await using var host = await ProductHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = site.Origin });
        site.EmbedChatFrom(host.BaseAddress);
        var chat = await ChatPage.OpenAsync(context, site.BaseAddress);
        var launcher = chat.Page.GetByRole(AriaRole.Button, new() { Name = LauncherLabel });
        await Assertions.Expect(launcher).ToBeVisibleAsync();
        PageChecks.AssertNone(await PageChecks.AxeViolationsAsync(chat.Page), "axe-core violations");

        await launcher.ClickAsync();
        await new B12Visitor(chat, host.Services.GetRequiredService<B12Content>()).HaveTheFullConversationAsync();

        PageChecks.AssertNone(await PageChecks.AxeViolationsAsync(chat.Page), "axe-core violations");
        await chat.ScreenshotAsync($"a11y-widget-{viewport}", fullPage: false);
    }

    [Fact]
    public async Task The_urgent_message_is_announced_through_the_live_region()
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(Viewports.Phone));
        await using var host = await ProductHost.StartAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        var visitor = new B12Visitor(chat, host.Services.GetRequiredService<B12Content>());
        await visitor.ExpectWelcomeAsync();
        await chat.StartRecordingAnnouncementsAsync();

        await visitor.ReportAnEmergencyAsync();

        IReadOnlyList<string> announced = [];
        for (var i = 0; i < 50 && !announced.Any(a => a.Contains(visitor.UrgentExcerpt, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            announced = await chat.AnnouncementsAsync();
        }

        // Once, in Web Chat's transcript live region (role log): a screen reader reads it out as it arrives.
        var announcement = Assert.Single(announced, a => a.Contains(visitor.UrgentExcerpt, StringComparison.Ordinal));
        Assert.Contains(" log:", announcement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task With_the_keyboard_alone_a_visitor_reaches_the_chat_on_the_page_sends_and_presses_a_suggested_action(string viewport)
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(viewport));
        await using var host = await ProductHost.StartAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        var visitor = new B12Visitor(chat, host.Services.GetRequiredService<B12Content>());
        await visitor.ExpectWelcomeAsync();
        var keyboard = chat.Page.Keyboard;

        await TabUntilAsync(chat.Page, "the send box", "el => el.matches('[data-id=\"webchat-sendbox-input\"]')", maxPresses: 30);
        await keyboard.TypeAsync(visitor.Content.Walkthrough.Triggers[0]);
        await keyboard.PressAsync("Enter");
        await chat.ExpectMessageAsync(ContentText.Excerpt(visitor.FirstWalkthroughQuestion.Prompt));

        await PressSuggestedActionAsync(chat, visitor.FirstWalkthroughQuestion.Choices[1].Label);
        await chat.ExpectMessageAsync(ContentText.Excerpt(visitor.Content.Walkthrough.Questions[1].Prompt));
        await chat.ExpectAllSentAsync();
        await chat.ScreenshotAsync($"keyboard-page-{viewport}", fullPage: false);
    }

    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task With_the_keyboard_alone_a_visitor_opens_the_widget_sends_presses_a_suggested_action_and_closes_it(string viewport)
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(viewport));
        await using var site = await ClinicSiteHost.StartAsync();
        await using var host = await ProductHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = site.Origin });
        site.EmbedChatFrom(host.BaseAddress);
        var chat = await ChatPage.OpenAsync(context, site.BaseAddress);
        var visitor = new B12Visitor(chat, host.Services.GetRequiredService<B12Content>());
        var keyboard = chat.Page.Keyboard;
        var panel = chat.Page.GetByRole(AriaRole.Dialog, new() { Name = PanelTitle });
        var launcher = chat.Page.GetByRole(AriaRole.Button, new() { Name = LauncherLabel });

        await TabUntilAsync(chat.Page, "the launcher", $"el => el.textContent === '{LauncherLabel}'", maxPresses: 10);
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await visitor.ExpectWelcomeAsync();

        // Opened from the keyboard, the chat puts the cursor in its send box.
        await Assertions.Expect(chat.SendBox).ToBeFocusedAsync(new() { Timeout = 10_000 });
        await keyboard.TypeAsync(visitor.Content.Walkthrough.Triggers[0]);
        await keyboard.PressAsync("Enter");
        await chat.ExpectMessageAsync(ContentText.Excerpt(visitor.FirstWalkthroughQuestion.Prompt));

        await PressSuggestedActionAsync(chat, visitor.FirstWalkthroughQuestion.Choices[1].Label);
        await chat.ExpectMessageAsync(ContentText.Excerpt(visitor.Content.Walkthrough.Questions[1].Prompt));
        await chat.ScreenshotAsync($"keyboard-widget-{viewport}", fullPage: false);

        // Escape closes the chat and gives the focus back to the launcher; Enter opens it again with the conversation kept.
        await keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await chat.ExpectMessageAsync(ContentText.Excerpt(visitor.Content.Walkthrough.Questions[1].Prompt));
        await chat.ExpectAllSentAsync();
        Assert.Empty(chat.ConsoleErrors);
    }

    /// <summary>From the send box, Shift+Tab back to the suggested action with this label (a few presses at most), then Enter.</summary>
    private static async Task PressSuggestedActionAsync(ChatPage chat, string label)
    {
        var toolbar = chat.Page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" });
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = label, Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(chat.SendBox).ToBeFocusedAsync();
        for (var presses = 0; presses < 8; presses++)
        {
            if (await FocusedTextAsync(chat.Page) == label)
            {
                break;
            }

            // Within the suggested actions the arrow keys move between buttons; Shift+Tab comes back to the toolbar.
            var inToolbar = await chat.Page.EvaluateAsync<bool>("() => !!document.activeElement.closest('[role=\"toolbar\"]')");
            await chat.Page.Keyboard.PressAsync(inToolbar ? "ArrowRight" : "Shift+Tab");
        }

        Assert.Equal(label, await FocusedTextAsync(chat.Page));
        await chat.Page.Keyboard.PressAsync("Enter");
    }

    private static Task<string> FocusedTextAsync(IPage page) => page.EvaluateAsync<string>("() => (document.activeElement.textContent || '').trim()");

    private static async Task TabUntilAsync(IPage page, string what, string isTarget, int maxPresses)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => ({isTarget})(document.activeElement)"))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"{maxPresses} presses of Tab did not reach {what}; focus is on <{await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 120)")}>.");
    }
}
