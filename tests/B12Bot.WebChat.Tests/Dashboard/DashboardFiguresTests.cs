using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Telemetry;
using B12Bot.Admin;
using BotRuntime.Storage;
using BotRuntime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace B12Bot.WebChat.Tests.Dashboard;

/// <summary>The dashboard's figures after real turns through /api/messages: what was sent is what is counted, and no words.</summary>
public sealed class DashboardFiguresTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-dashboard-").FullName;

    /// <summary>Words of the visitors' messages that must never reach the figures.</summary>
    private static readonly string[] VisitorWords = ["Zorblatt", "Quimbyfarn", "lips", "swelling", "pizza", "safe"];

    [Fact]
    public async Task The_right_key_gets_counts_that_match_the_turns_taken_and_no_message_text()
    {
        await using var host = await DashboardHost.StartAsync(new()
        {
            ["Transcript:Enabled"] = "true",
            ["Transcript:SqlitePath"] = Path.Combine(_folder, "transcript.db"),
        });

        // Three conversations: two answered questions, one the bot cannot answer, an emergency, a walkthrough to its end.
        foreach (var id in new[] { "c1", "c2", "c3" })
        {
            await host.OpenConversationAsync(id);
        }

        await host.SayAsync("are b12 injections safe?", "c1");
        await host.SayAsync("how often will I need the b12 injections?", "c1");
        await host.SayAsync("Zorblatt Quimbyfarn best pizza in naples?", "c1");
        await host.SayAsync("my lips are swelling and I can't breathe", "c2");
        var outcome = await host.WalkThroughAsync("c3");

        var summary = await host.SummaryAsync();
        var totals = summary.GetProperty("totals");
        var questions = totals.GetProperty("questions");
        Assert.Equal(3, totals.GetProperty("conversations").GetInt64());
        Assert.Equal(2, DashboardHost.Count(questions, QuestionOutcomes.Answered));
        Assert.Equal(1, DashboardHost.Count(questions, QuestionOutcomes.NotUnderstood) + DashboardHost.Count(questions, QuestionOutcomes.OutOfScope) + DashboardHost.Count(questions, QuestionOutcomes.Clarified));
        Assert.Equal(1, DashboardHost.Count(totals.GetProperty("escalations"), "emergency"));
        Assert.Equal(1, DashboardHost.Count(totals.GetProperty("walkthroughs"), "started"));
        Assert.Equal(1, DashboardHost.Count(totals.GetProperty("walkthroughs"), "finished"));
        Assert.Equal(1, DashboardHost.Count(totals.GetProperty("walkthroughOutcomes"), outcome));
        Assert.True(totals.GetProperty("medianTurnMilliseconds").GetDouble() > 0);

        // Today is the last day of the period, and it holds the same counts.
        var today = summary.GetProperty("days").EnumerateArray().Last();
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.GetProperty("date").GetString());
        Assert.Equal(3, today.GetProperty("conversations").GetInt64());
        Assert.Equal(1, today.GetProperty("escalations").GetInt64());

        // The question it could not answer is in the transcript's groups: a count and the nearest topic, not the words.
        var unanswered = summary.GetProperty("unanswered");
        Assert.True(unanswered.GetProperty("transcriptEnabled").GetBoolean());
        Assert.Equal(1, unanswered.GetProperty("questions").GetInt64());
        Assert.Equal(1, Assert.Single(unanswered.GetProperty("groups").EnumerateArray()).GetProperty("count").GetInt32());

        var raw = await host.SummaryTextAsync();
        Assert.All(VisitorWords, word => Assert.DoesNotContain(word, raw, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Handoffs_and_their_waits_are_counted_with_the_median_wait()
    {
        await using var host = await DashboardHost.StartAsync();

        // The handoff's own events (tested end to end in B12Bot.Tests/Handoff); here: how the dashboard adds them up.
        B12BotTelemetry.HandoffRequested();
        B12BotTelemetry.HandoffTaken(TimeSpan.FromSeconds(40));
        B12BotTelemetry.HandoffRequested();
        B12BotTelemetry.HandoffTaken(TimeSpan.FromSeconds(90));
        B12BotTelemetry.HandoffRequested();
        B12BotTelemetry.HandoffTaken(TimeSpan.FromSeconds(200));
        B12BotTelemetry.HandoffRequested();
        B12BotTelemetry.HandoffNotTaken();

        var totals = (await host.SummaryAsync()).GetProperty("totals");
        var handoffs = totals.GetProperty("handoffs");
        Assert.Equal(4, DashboardHost.Count(handoffs, HandoffEvents.Requested));
        Assert.Equal(3, DashboardHost.Count(handoffs, HandoffEvents.Taken));
        Assert.Equal(1, DashboardHost.Count(handoffs, HandoffEvents.NotTaken));
        Assert.InRange(totals.GetProperty("medianHandoffWaitSeconds").GetDouble(), 80, 100);
    }

    [Fact]
    public async Task With_the_transcript_off_the_unanswered_groups_say_so_and_show_nothing()
    {
        await using var host = await DashboardHost.StartAsync();
        await host.SayAsync("Zorblatt Quimbyfarn best pizza in naples?", "off-1");

        var unanswered = (await host.SummaryAsync()).GetProperty("unanswered");
        Assert.False(unanswered.GetProperty("transcriptEnabled").GetBoolean());
        Assert.Contains("Transcript:Enabled", unanswered.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Empty(unanswered.GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task The_figures_survive_a_restart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["BotState:Provider"] = "Sqlite",
            ["BotState:SqlitePath"] = Path.Combine(_folder, "state.db"),
            ["B12Bot:Admin:SqlitePath"] = Path.Combine(_folder, "dashboard.db"),
        };

        await using (var first = await DashboardHost.StartAsync(settings))
        {
            await first.SayAsync("are b12 injections safe?", "r1");
            await first.SayAsync("are b12 injections safe?", "r2");
        }

        await using var again = await DashboardHost.StartAsync(settings);
        await again.SayAsync("are b12 injections safe?", "r3");
        Assert.Equal(3, DashboardHost.Count((await again.SummaryAsync()).GetProperty("totals").GetProperty("questions"), QuestionOutcomes.Answered));
    }

    [Fact]
    public async Task Two_instances_adding_to_one_stored_day_at_once_lose_no_count()
    {
        // Two hosts in one process would both hear the one static meter, so the instances meet at the store, as in production.
        var path = Path.Combine(_folder, "shared-dashboard.db");
        var first = new DashboardTotalsStore(new SqliteStorage(path));
        var second = new DashboardTotalsStore(new SqliteStorage(path));
        var day = DateOnly.FromDateTime(DateTime.UtcNow);

        // Each instance flushes one day at a time, as the aggregator does; the two run at the same moment.
        await Task.WhenAll(new[] { first, second }.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                // An add that lost too often or met a locked file throws without adding; the aggregator keeps those
                // counts for its next flush, and so does this loop.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await store.AddAsync(day, Answered(1), CancellationToken.None);
                        break;
                    }
                    catch (Exception ex) when (ex is EtagConflictException or StorageUnavailableException && attempt < 10)
                    {
                    }
                }
            }
        })));

        var (_, tally) = Assert.Single(await first.ReadAsync(day, day, CancellationToken.None));
        Assert.Equal(40, tally.Questions[QuestionOutcomes.Answered]);
        Assert.Equal(40, tally.Conversations);
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    private static DailyTally Answered(long count)
    {
        var tally = new DailyTally { Conversations = count };
        DailyTally.Increment(tally.Questions, QuestionOutcomes.Answered, count);
        return tally;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
