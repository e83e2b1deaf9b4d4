using B12Bot.Conversation.Content;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>
/// The chat page and the embeddable widget on a phone (390x844 and 320 wide) and a desktop, with the real B12 bot: the
/// chat within reach on the first screen, below the emergency box; large targets; readable text; no sideways scrolling;
/// phone numbers as tap-to-call links. Screenshots go to bin/.../screenshots.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PhoneBrowserTests(ChromiumFixture chromium)
{
    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task The_emergency_box_and_the_chat_are_on_the_first_screen_and_a_question_is_answered_without_scrolling(string viewport)
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(viewport));
        await using var host = await ProductHost.StartAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        var visitor = new B12Visitor(chat, host.Services.GetRequiredService<B12Content>());
        await visitor.ExpectWelcomeAsync();
        var screen = chat.Page.ViewportSize!;

        var emergency = await ChatPage.BoxAsync(chat.Page.GetByRole(AriaRole.Note).Filter(new() { HasText = "In an emergency" }));
        var chatCard = await ChatPage.BoxAsync(chat.Page.GetByRole(AriaRole.Region, new() { Name = "B12 assistant" }));
        var sendBox = await ChatPage.BoxAsync(chat.SendBox);
        Assert.True(emergency.Y >= 0 && emergency.Bottom <= screen.Height, $"the emergency box is on the first screen (it is at {emergency})");
        Assert.True(sendBox.Y >= 0 && sendBox.Bottom <= screen.Height, $"the send box is on the first screen (it is at {sendBox}, the screen is {screen.Height}px high)");
        if (viewport == Viewports.Phone)
        {
            Assert.True(emergency.Bottom <= chatCard.Y, $"on a phone the emergency box is above the chat ({emergency} / {chatCard})");
            Assert.True(chatCard.Height >= screen.Height / 2.0, $"on a phone the chat takes most of the first screen ({chatCard.Height}px)");
        }

        // A visitor taps the send box, types and taps send: the answer shows in the chat, and the page never scrolled.
        if (viewport == Viewports.Phone)
        {
            await chat.SendBox.TapAsync();
            await chat.SendBox.FillAsync(visitor.Question);
            await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).TapAsync();
            await chat.ExpectMessageAsync(ContentText.Excerpt(visitor.AnsweredEntry.Answer));
        }
        else
        {
            await visitor.AskAQuestionAsync();
        }

        await ExpectFirstLineShownAsync(chat, chat.Bubbles.Filter(new() { HasText = ContentText.Excerpt(visitor.AnsweredEntry.Answer) }).Last, "the answer");
        await chat.ScreenshotAsync($"{viewport}-first-screen", fullPage: false);

        await visitor.ReportAnEmergencyAsync();
        await ExpectFirstLineShownAsync(chat, visitor.UrgentBubble, "the urgent message");
        await chat.ScreenshotAsync($"{viewport}-urgent", fullPage: false);
        Assert.Empty(chat.ConsoleErrors);
    }

    /// <summary>
    /// A reply's first line (where the urgent message says whom to call) is in the chat's visible area once the chat has
    /// stopped scrolling, even when the reply is taller than the chat, and the page itself has not scrolled.
    /// </summary>
    private static async Task ExpectFirstLineShownAsync(ChatPage chat, ILocator reply, string what)
    {
        // Web Chat scrolls smoothly: let it settle.
        await Task.Delay(1500);
        var bubble = await ChatPage.BoxAsync(reply);
        var shown = await ChatPage.BoxAsync(chat.Page.Locator(".webchat__basic-transcript__scrollable"));
        Assert.True(bubble.Y >= shown.Y - 1 && bubble.Y + 24 <= shown.Bottom, $"the first line of {what} is shown in the chat ({bubble} within {shown})");
        Assert.True(shown.Bottom <= chat.Page.ViewportSize!.Height, $"the chat is on the first screen ({shown})");
        Assert.Equal(0, await chat.Page.EvaluateAsync<double>("() => window.scrollY"));
    }

    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task Buttons_and_suggested_actions_are_at_least_44px_and_no_text_is_smaller_than_16px(string viewport)
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(viewport));
        await using var host = await ProductHost.StartAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        var visitor = new B12Visitor(chat, host.Services.GetRequiredService<B12Content>());
        await visitor.ExpectWelcomeAsync();
        await visitor.StartTheWalkthroughAsync();
        var suggestedActions = chat.Page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button);
        await Assertions.Expect(suggestedActions.First).ToBeVisibleAsync();
        await chat.SendBox.FillAsync("typed text must be readable");

        // Every suggested action is measured, not only those a check happens to find.
        Assert.Equal(visitor.FirstWalkthroughQuestion.Choices.Count, await suggestedActions.CountAsync());
        foreach (var button in await suggestedActions.AllAsync())
        {
            var box = await ChatPage.BoxAsync(button);
            Assert.True(box.Width >= PageChecks.MinTargetPx && box.Height >= PageChecks.MinTargetPx, $"suggested action \"{await button.TextContentAsync()}\" is {box.Width}x{box.Height}");
        }

        PageChecks.AssertNone(await PageChecks.SmallTargetsAsync(chat.Page), "targets smaller than 44x44 px");
        PageChecks.AssertNone(await PageChecks.SmallTextAsync(chat.Page), "text smaller than 16px");
        await chat.ScreenshotAsync($"{viewport}-walkthrough", fullPage: false);
    }

    [Fact]
    public async Task At_320px_wide_neither_the_page_nor_the_widget_scrolls_sideways()
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(Viewports.NarrowPhone));
        await using var site = await ClinicSiteHost.StartAsync();
        await using var host = await ProductHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = site.Origin });
        var content = host.Services.GetRequiredService<B12Content>();

        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        await new B12Visitor(chat, content).HaveTheFullConversationAsync();
        Assert.Equal(0, await PageChecks.SidewaysOverflowAsync(chat.Page));
        await Assertions.Expect(chat.SendBox).ToBeInViewportAsync();
        await chat.ScreenshotAsync("narrow-phone-page");

        site.EmbedChatFrom(host.BaseAddress);
        var widget = await ChatPage.OpenAsync(context, site.BaseAddress);
        await widget.Page.GetByRole(AriaRole.Button, new() { Name = "Questions about B12 injections?" }).TapAsync();
        await new B12Visitor(widget, content).HaveTheFullConversationAsync();
        Assert.Equal(0, await PageChecks.SidewaysOverflowAsync(widget.Page));
        PageChecks.AssertNone(await PageChecks.SmallTargetsAsync(widget.Page), "targets smaller than 44x44 px");
        await widget.ScreenshotAsync("narrow-phone-widget", fullPage: false);
    }

    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task The_widget_opens_with_the_emergency_line_above_the_chat_full_screen_on_a_phone_and_closing_keeps_the_conversation(string viewport)
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(viewport));
        await using var site = await ClinicSiteHost.StartAsync();
        await using var host = await ProductHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = site.Origin });
        site.EmbedChatFrom(host.BaseAddress);
        var content = host.Services.GetRequiredService<B12Content>();
        var chat = await ChatPage.OpenAsync(context, site.BaseAddress);
        var visitor = new B12Visitor(chat, content);
        var screen = chat.Page.ViewportSize!;

        var launcher = chat.Page.GetByRole(AriaRole.Button, new() { Name = "Questions about B12 injections?" });
        var launcherBox = await ChatPage.BoxAsync(launcher);
        Assert.True(launcherBox.Height >= PageChecks.MinTargetPx && launcherBox.Bottom <= screen.Height, $"the launcher is a large button on the first screen ({launcherBox})");
        await chat.ScreenshotAsync($"widget-{viewport}-1-launcher", fullPage: false);
        await Click(launcher);

        var panel = chat.Page.GetByRole(AriaRole.Dialog, new() { Name = "Ask our B12 assistant (automated)" });
        await Assertions.Expect(panel).ToBeVisibleAsync();
        var panelBox = await ChatPage.BoxAsync(panel);
        if (viewport == Viewports.Phone)
        {
            Assert.Equal((0, 0, screen.Width, screen.Height), ((int)panelBox.X, (int)panelBox.Y, (int)panelBox.Width, (int)panelBox.Height));
        }

        // The emergency line, with the number as a tap-to-call link, sits above the conversation and stays there.
        var emergency = panel.GetByRole(AriaRole.Note).Filter(new() { HasText = "In an emergency" });
        await Assertions.Expect(emergency.GetByRole(AriaRole.Link, new() { Name = content.EmergencyNumber })).ToHaveAttributeAsync("href", "tel:" + content.EmergencyNumber);
        await visitor.ExpectWelcomeAsync();
        await visitor.AskAQuestionAsync();
        await visitor.StartTheWalkthroughAsync();
        var emergencyBox = await ChatPage.BoxAsync(emergency);
        var transcriptBox = await ChatPage.BoxAsync(chat.Transcript);
        Assert.True(emergencyBox.Bottom <= transcriptBox.Y && emergencyBox.Y >= 0, $"the emergency line is above the conversation ({emergencyBox} / {transcriptBox})");
        await Assertions.Expect(chat.SendBox).ToBeInViewportAsync();
        PageChecks.AssertNone(await PageChecks.SmallTargetsAsync(chat.Page), "targets smaller than 44x44 px");
        PageChecks.AssertNone(await PageChecks.SmallTextAsync(chat.Page), "text smaller than 16px");
        await chat.ScreenshotAsync($"widget-{viewport}-2-open", fullPage: false);

        var close = panel.GetByRole(AriaRole.Button, new() { Name = "Close the chat" });
        await Click(close);
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Click(launcher);
        await chat.ExpectMessageAsync(ContentText.Excerpt(visitor.AnsweredEntry.Answer));
        await chat.ExpectMessageAsync(ContentText.Excerpt(visitor.FirstWalkthroughQuestion.Prompt));
        Assert.Equal(1, await chat.CountMessagesAsync(ContentText.Excerpt(content.Messages.Welcome)));
        Assert.Empty(chat.ConsoleErrors);

        Task Click(ILocator target) => viewport == Viewports.Phone ? target.TapAsync() : target.ClickAsync();
    }

    [Fact]
    public async Task A_reply_taller_than_the_chat_on_a_phone_stops_scrolling_at_its_first_line()
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(Viewports.Phone));
        await using var host = await DirectLineTestHost.StartAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);

        await chat.SendAsync(ScriptedTestBot.LongReply);
        await chat.ExpectMessageAsync(ScriptedTestBot.LongReplyFirstLine);

        await ExpectFirstLineShownAsync(chat, chat.Bubbles.Filter(new() { HasText = ScriptedTestBot.LongReplyFirstLine }).Last, "the long reply");
        await chat.ScreenshotAsync("phone-long-reply", fullPage: false);
    }

    [Fact]
    public async Task Web_Chat_keeps_tel_links_in_the_bot_s_markdown_and_drops_sms_links()
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(Viewports.Phone));
        await using var host = await DirectLineTestHost.StartAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);

        await chat.SendAsync(ScriptedTestBot.PhoneNumbers);
        await chat.ExpectMessageAsync("Call 911 now");

        // Web Chat 4.18.1 sanitizes markdown links to http(s), ftp, mailto, sip, tel and data: a "text 988" offer must be
        // said in words, as a tap on it would do nothing.
        var bubble = chat.Bubbles.Filter(new() { HasText = "Call 911 now" }).Last;
        await Assertions.Expect(bubble.GetByRole(AriaRole.Link, new() { Name = "911" })).ToHaveAttributeAsync("href", "tel:911");
        await Assertions.Expect(bubble.GetByRole(AriaRole.Link, new() { Name = "1-800-222-1222" })).ToHaveAttributeAsync("href", "tel:+18002221222");
        await Assertions.Expect(bubble.Locator("a[href^='sms:']")).ToHaveCountAsync(0);
        await Assertions.Expect(bubble).ToContainTextAsync("text 988");
        await chat.ScreenshotAsync("tel-links", fullPage: false);
    }

    [Fact]
    public async Task The_urgent_message_offers_the_emergency_number_as_a_tap_to_call_link()
    {
        await using var context = await chromium.Browser.NewContextAsync(Viewports.Options(Viewports.Phone));
        await using var host = await ProductHost.StartAsync();
        var content = host.Services.GetRequiredService<B12Content>();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress);
        var visitor = new B12Visitor(chat, content);
        await visitor.ExpectWelcomeAsync();

        await visitor.ReportAnEmergencyAsync();

        var call = visitor.UrgentBubble.Locator($"a[href='tel:{content.EmergencyNumber}']");
        await Assertions.Expect(call.First).ToBeVisibleAsync();
        await Assertions.Expect(call.First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(content.EmergencyNumber)));
        await chat.ScreenshotAsync("phone-urgent-tel", fullPage: false);
    }
}
