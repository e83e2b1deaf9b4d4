using B12Bot.Admin;
using B12Bot.Conversation.Telemetry;
using B12Bot.WebChat.Tests.Browser;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Dashboard;

/// <summary>The dashboard as the clinic's operator sees it, in headless Chromium: sign in with the key, charts drawn.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class DashboardBrowserTests(ChromiumFixture chromium) : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-dashboard-ui-").FullName;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 } });

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_operator_signs_in_with_the_key_and_sees_every_chart_drawn_without_any_message_text()
    {
        await using var host = await DashboardHost.StartAsync(new()
        {
            ["Transcript:Enabled"] = "true",
            ["Transcript:SqlitePath"] = Path.Combine(_folder, "transcript.db"),
        });
        string[] sent =
        [
            "are b12 injections safe?", "how are b12 injections given?", "Zorblatt Quimbyfarn best pizza in naples?",
            "can my Plonkett cat get b12 shots", "my lips are swelling and I can't breathe", "check my symptoms",
        ];
        for (var i = 0; i < sent.Length; i++)
        {
            await host.OpenConversationAsync($"ui-{i}");
            await host.SayAsync(sent[i], $"ui-{i}");
        }

        await host.OpenConversationAsync("ui-walk");
        await host.WalkThroughAsync("ui-walk");
        B12BotTelemetry.HandoffRequested();
        B12BotTelemetry.HandoffTaken(TimeSpan.FromSeconds(75));

        // The thirteen days before today go into the store directly, so the screenshot shows a fortnight as a clinic sees it.
        var store = host.Host.Services.GetRequiredService<DashboardTotalsStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        long earlierConversations = 0;
        for (var daysAgo = 1; daysAgo <= 13; daysAgo++)
        {
            var day = EarlierDay(daysAgo);
            earlierConversations += day.Conversations;
            await store.AddAsync(today.AddDays(-daysAgo), day, CancellationToken.None);
        }

        var page = await _context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        // Unsigned: the sign-in form (401), no charts.
        var refused = await page.GotoAsync(new Uri(host.Host.BaseAddress, "/admin").ToString());
        Assert.Equal(401, refused!.Status);
        Assert.Equal(0, await page.Locator("canvas").CountAsync());
        errors.Clear(); // Chromium reports the 401 itself as a console error; from here on, nothing may fail.

        await page.FillAsync("#operator-key", DashboardHost.OperatorKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("body[data-loaded=true]", new() { Timeout = 20_000 });

        var canvases = new[] { "c-conversations", "c-questions", "c-escalations", "c-walkthroughs", "c-handoffs", "c-latency", "c-unanswered" };
        foreach (var id in canvases)
        {
            // A drawn chart has pixels that are not transparent.
            var painted = await page.EvaluateAsync<int>(
                "id => { const c = document.getElementById(id); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) n++; } return n; }",
                id);
            Assert.True(painted > 500, $"{id} has only {painted} painted pixels");
        }

        Assert.Equal((sent.Length + 1 + earlierConversations).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("#t-conversations"));
        Assert.Empty(errors);
        var shown = await page.ContentAsync() + await page.InnerTextAsync("body");
        foreach (var word in new[] { "Zorblatt", "Quimbyfarn", "Plonkett", "pizza", "lips", "swelling" })
        {
            Assert.DoesNotContain(word, shown, StringComparison.OrdinalIgnoreCase);
        }

        var docs = Path.Combine(RepositoryPaths.Root, "docs");
        await page.ScreenshotAsync(new() { Path = Path.Combine(docs, "admin-dashboard.png"), FullPage = true });
    }

    /// <summary>A plausible earlier day: weekdays busier than weekends, a few escalations, walkthroughs and handoffs.</summary>
    private static DailyTally EarlierDay(int daysAgo)
    {
        var weekend = DateTime.UtcNow.AddDays(-daysAgo).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var load = (weekend ? 8 : 22) + (daysAgo * 7 % 9);
        var day = new DailyTally { Conversations = load };
        DailyTally.Increment(day.Questions, "answered", load * 2);
        DailyTally.Increment(day.Questions, "clarified", load / 5);
        DailyTally.Increment(day.Questions, "out_of_scope", load / 7);
        DailyTally.Increment(day.Questions, "not_understood", load / 6);
        DailyTally.Increment(day.Escalations, daysAgo % 4 == 0 ? "emergency" : "possible_reaction", daysAgo % 3 == 0 ? 1 : 0);
        DailyTally.Increment(day.Walkthroughs, "started", load / 3);
        DailyTally.Increment(day.Walkthroughs, "finished", load / 4);
        DailyTally.Increment(day.WalkthroughOutcomes, daysAgo % 2 == 0 ? "evaluate_first" : "keep_treatment", load / 6);
        DailyTally.Increment(day.WalkthroughOutcomes, "clinician_first", load / 4 - load / 6);
        DailyTally.Increment(day.Handoffs, "requested", weekend ? 1 : 3);
        DailyTally.Increment(day.Handoffs, "taken", weekend ? 0 : 2);
        DailyTally.Increment(day.Handoffs, weekend ? "callback_offered" : "not_taken", 1);
        DailyTally.Increment(day.HandoffWaitSeconds, LogBuckets.KeyOf(40 + daysAgo * 9), weekend ? 0 : 2);
        DailyTally.Increment(day.TurnMilliseconds, LogBuckets.KeyOf(9 + daysAgo % 5), load * 4);
        return day;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
