using B12Bot.Conversation.Content;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>
/// The B12 bot on the real host, through the page, in headless Chromium: what a clinic's visitor sees. Expected texts
/// come from the content the running bot loaded (dialogs/), so the clinic can edit wording without breaking the tests.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class B12BotBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_visitor_is_welcomed_picks_a_topic_asks_a_question_reports_an_emergency_and_reloads(bool webSocket)
    {
        var transport = webSocket ? "websocket" : "polling";
        await using var host = await ProductHost.StartAsync(new()
        {
            ["DirectLine:WebChat:WebSocket"] = webSocket ? "true" : "false",
            ["DirectLine:WebChat:PollingIntervalMs"] = "250",
        });
        var content = host.Services.GetRequiredService<B12Content>();
        var chat = await ChatPage.OpenAsync(_context, host.BaseAddress);

        // The welcome says it is an automated assistant and offers the main topics as quick replies.
        await chat.ExpectMessageAsync(Excerpt(content.Messages.Welcome));
        await Assertions.Expect(chat.Bubbles.Filter(new() { HasText = "automated" }).First).ToBeVisibleAsync();
        await chat.ScreenshotAsync($"b12-{transport}-1-welcome");

        var topic = content.GetEntry(content.Messages.MainTopics.First(id => content.TryGetEntry(id, out _)));
        await chat.ClickQuickReplyAsync(topic.Title);
        await chat.ExpectMessageAsync(Excerpt(topic.Answer));
        await chat.ScreenshotAsync($"b12-{transport}-2-quick-reply");

        var faq = content.GetEntry("dose_frequency");
        await chat.SendAsync(faq.Questions.First(q => q.Contains("too much", StringComparison.OrdinalIgnoreCase)) + "?");
        await chat.ExpectMessageAsync(Excerpt(faq.Answer));
        await chat.ScreenshotAsync($"b12-{transport}-3-question");

        await chat.SendAsync("I just had my B12 shot and now my throat is swelling and I can't breathe");
        await chat.ExpectMessageAsync(Excerpt(content.Safety.UrgentMessage));
        await Assertions.Expect(chat.Bubbles.Filter(new() { HasText = "Call " + content.EmergencyNumber }).Last).ToBeVisibleAsync();
        await chat.ExpectAllSentAsync();
        await chat.ScreenshotAsync($"b12-{transport}-4-urgent");

        await chat.ReloadAsync();
        await chat.ExpectMessageAsync(Excerpt(content.Safety.UrgentMessage));
        await chat.ExpectMessageAsync(Excerpt(faq.Answer));
        Assert.Equal(1, await chat.CountMessagesAsync(Excerpt(content.Messages.Welcome)));
        await chat.SendAsync(faq.Questions.First(q => q.Contains("too much", StringComparison.OrdinalIgnoreCase)));
        Assert.True(await Eventually(async () => await chat.CountMessagesAsync(Excerpt(faq.Answer)) == 2), "the conversation goes on after the reload");
        await chat.ScreenshotAsync($"b12-{transport}-5-resumed");

        Assert.Equal(webSocket, chat.WebSocketsOpened > 0);
        Assert.Empty(chat.ConsoleErrors);
        Assert.DoesNotContain(host.Log, line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_markup_typed_by_a_visitor_never_runs_or_renders()
    {
        await using var host = await ProductHost.StartAsync();
        var content = host.Services.GetRequiredService<B12Content>();
        var chat = await ChatPage.OpenAsync(_context, host.BaseAddress);
        await chat.ExpectMessageAsync(Excerpt(content.Messages.Welcome));

        await chat.SendAsync("<img src=x onerror=\"window.__pwned=1\"> <script>window.__pwned=2</script> [click](javascript:window.__pwned=3)");
        await chat.ExpectMessageAsync("<img src=x");
        await chat.ExpectAllSentAsync();
        await Assertions.Expect(chat.Bubbles).ToHaveCountAsync(3, new() { Timeout = 20_000 });

        Assert.Null(await chat.Page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await chat.Transcript.Locator("img[src='x'], script, a[href^='javascript']").CountAsync());
        await chat.ScreenshotAsync("b12-hostile-markup");
    }

    private static string Excerpt(string markdown) => ContentText.Excerpt(markdown);

    private static async Task<bool> Eventually(Func<Task<bool>> check)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await check())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
