using B12Bot.Teams.Tests.Harness;
using Microsoft.Playwright;

namespace B12Bot.Teams.Tests;

/// <summary>
/// A thin smoke test through the playground's own Teams-like web UI in headless Debian Chromium: what a person clicking
/// around the emulator sees. Everything else goes through the playground's API, which that UI uses too.
/// </summary>
public sealed class PlaygroundUiTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task In_the_playground_chat_the_bot_welcomes_the_user_and_answers_a_typed_question()
    {
        HeadlessChromium.EnsureInstalled();
        await using var teams = await TeamsPlayground.StartAsync(output);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = HeadlessChromium.ExecutablePath,
            Headless = true,
            Args = HeadlessChromium.Arguments,
        });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        // Loopback only: the UI's web fonts and animations from Microsoft's CDN are cosmetic and are refused.
        await context.RouteAsync("**/*", route => new Uri(route.Request.Url).IsLoopback ? route.ContinueAsync() : route.AbortAsync());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(teams.Playground.BaseAddress.ToString());

        // Opening the personal chat installs the bot; its welcome appears.
        var chat = page.Locator("[data-lexical-editor='true'][role='textbox']");
        await Assertions.Expect(page.GetByText("automated B12 assistant").First).ToBeVisibleAsync();

        await chat.ClickAsync();
        await page.Keyboard.TypeAsync("are b12 shots safe?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send Message" }).ClickAsync();

        await Assertions.Expect(page.GetByText("are b12 shots safe?").First).ToBeVisibleAsync();
        var answerStart = ClinicContent.FirstSentence(ClinicContent.FaqAnswer("safety"))[..40];
        await Assertions.Expect(page.GetByText(answerStart).First).ToBeVisibleAsync();

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var screenshot = Path.Combine(folder, "teams-playground-personal-chat.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0);
    }
}
