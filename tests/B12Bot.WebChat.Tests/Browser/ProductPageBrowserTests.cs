using B12Bot.WebChat.Tests.Support;
using BotRuntime.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>The real B12Bot host (Program's application, its middleware, state and error handler) behind the page, in Chromium.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ProductPageBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_products_page_and_pipeline_carry_a_conversation_and_resume_it_after_a_reload()
    {
        var bot = new ScriptedTestBot();
        await using var host = await ProductHost.StartAsync(configure: builder => builder.Services.AddSingleton<IBot>(bot));
        var chat = await ChatPage.OpenAsync(_context, host.BaseAddress);

        await chat.ExpectMessageAsync(ScriptedTestBot.Welcome);
        await chat.ClickQuickReplyAsync(ScriptedTestBot.QuickReply);
        await chat.ExpectMessageAsync(ScriptedTestBot.QuickReplyAnswer);
        await chat.SendAsync("through the product pipeline");
        await chat.ExpectMessageAsync("You said: through the product pipeline");
        await chat.ReloadAsync();
        await chat.ExpectMessageAsync("You said: through the product pipeline");
        await chat.ScreenshotAsync("product-pipeline-resumed");

        Assert.All(bot.Received, a => Assert.Equal("webchat", a.ChannelId));
        Assert.Empty(chat.ConsoleErrors);
        Assert.DoesNotContain(host.Log, line => line.StartsWith("Error", StringComparison.Ordinal));
    }
}
