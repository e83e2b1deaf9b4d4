using B12Bot.Admin;
using B12Bot.Conversation.Understanding;
using B12Bot.Tests.Support;
using B12Bot.Transcripts;
using BotRuntime.Storage.Tests.Servers;

namespace B12Bot.Tests;

/// <summary>
/// Several instances behind a load balancer, one shared store (PostgreSQL, or Azure Blobs on Azurite): the opt-in
/// transcript goes to that store, so the content editors' `unanswered` report and the dashboard's groups are the same
/// on every instance, whichever instance the questions reached; "delete my data" on any instance removes the
/// conversation's messages for all of them.
/// </summary>
public abstract class SharedTranscriptContract
{
    private const string DogQuestion = "can I bring my dog to the appointment?";

    /// <summary>The settings that put both instances on one fresh shared store.</summary>
    protected abstract Task<string[]> SharedStoreSettingsAsync();

    [Fact]
    public async Task Two_instances_show_the_same_unanswered_groups_from_the_shared_transcript_and_forget_me_on_either_removes_them()
    {
        string[] settings = [.. await SharedStoreSettingsAsync(), "--Transcript:Enabled", "true"];
        await using var first = await RunningBot.StartAsync(settings);
        await using var second = await RunningBot.StartAsync(settings);

        await first.SayAsync(DogQuestion, "shared-1");
        await second.SayAsync("can I bring my dog to my appointment", "shared-2");
        await second.SayAsync("is there wifi in the waiting room, email me at pat@example.org", "shared-3");
        await first.SayAsync("are b12 injections safe?", "shared-4");

        var onFirst = await ReportAsync(first);
        var onSecond = await ReportAsync(second);
        Assert.Equal(3, onFirst.Sum(g => g.Count));
        Assert.Equal(Describe(onFirst), Describe(onSecond));
        // The first instance's question and the second's wording of it are one group, wherever each was asked.
        var dogs = Assert.Single(onFirst, g => g.Example == DogQuestion);
        Assert.Contains("can I bring my dog to my appointment", dogs.OtherWordings);
        var texts = onFirst.SelectMany(g => g.OtherWordings.Prepend(g.Example)).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("pat@example.org", StringComparison.Ordinal));
        Assert.DoesNotContain("are b12 injections safe?", texts);

        // The content editors' command prints the same report on either instance.
        using var printedFirst = new StringWriter();
        using var printedSecond = new StringWriter();
        await UnansweredQuestionsReport.RunAsync(first.Services, printedFirst);
        await UnansweredQuestionsReport.RunAsync(second.Services, printedSecond);
        Assert.StartsWith("3 unanswered or clarified question(s)", printedFirst.ToString(), StringComparison.Ordinal);
        Assert.Contains($"\"{DogQuestion}\"", printedFirst.ToString(), StringComparison.Ordinal);
        Assert.Equal(printedFirst.ToString(), printedSecond.ToString());

        // The dashboard's groups: the same counts on both instances (never a wording).
        var dashboardFirst = (await first.Services.GetRequiredService<DashboardSummaryService>().BuildAsync(7, default)).Unanswered;
        var dashboardSecond = (await second.Services.GetRequiredService<DashboardSummaryService>().BuildAsync(7, default)).Unanswered;
        Assert.True(dashboardFirst.TranscriptEnabled);
        Assert.Equal(3, dashboardFirst.Questions);
        Assert.Equal(3, dashboardSecond.Questions);
        Assert.Equal(dashboardFirst.Groups.Select(g => (g.Count, g.NearestTopic)), dashboardSecond.Groups.Select(g => (g.Count, g.NearestTopic)));

        // "delete my data" in conversation shared-1 (asked on the first instance), confirmed on the second.
        await second.SayAsync("delete my data", "shared-1");
        await second.SayAsync("yes", "shared-1");
        var afterForget = await ReportAsync(first);
        Assert.Equal(2, afterForget.Sum(g => g.Count));
        Assert.DoesNotContain(afterForget, g => g.Example == DogQuestion || g.OtherWordings.Contains(DogQuestion));
    }

    [Fact]
    public async Task The_shared_transcript_keeps_to_its_retention_and_reads_only_the_outcomes_asked_for()
    {
        string[] settings = [.. await SharedStoreSettingsAsync(), "--Transcript:Enabled", "true", "--Transcript:Retention", "30.00:00:00"];
        await using var bot = await RunningBot.StartAsync(settings);
        var store = bot.Services.GetRequiredService<ITranscriptStore>();
        Assert.IsNotType<SqliteTranscriptStore>(store);

        await store.AddAsync("webchat", "r-1", "a clarified question", "clarified");
        await store.AddAsync("webchat", "r-2", "an answered question", "answered");
        Assert.Equal(["a clarified question"], (await store.ReadAsync(["clarified"])).Select(e => e.Text));

        // Nothing is 30 days old yet: the sweep (whose conversation cut-off is now) leaves both.
        Assert.Equal(0, await store.RemoveIdleAsync(DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal(2, (await store.ReadAsync(["clarified", "answered"])).Count);
        Assert.Equal(1, await store.ForgetConversationAsync("webchat", "r-2"));
        Assert.Equal(["a clarified question"], (await store.ReadAsync(["clarified", "answered"])).Select(e => e.Text));
    }

    private static Task<IReadOnlyList<QuestionGroup>> ReportAsync(RunningBot bot) =>
        new UnansweredQuestionsReport(bot.Services.GetRequiredService<ITranscriptStore>(), bot.Services.GetRequiredService<ISentenceEmbedder>()).BuildAsync();

    private static List<string> Describe(IEnumerable<QuestionGroup> groups) =>
        [.. groups.Select(g => $"{g.Count} {g.Example} [{string.Join(" | ", g.OtherWordings)}] {string.Join(",", g.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"))}")];
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSharedTranscriptTests(PostgreSqlServer server) : SharedTranscriptContract
{
    private const string OperatorKey = "shared-transcript-operator-key-0123456789";
    private static readonly string SigningKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task With_the_shared_database_down_the_dashboard_says_try_again_the_host_stays_up_and_the_figures_return_with_it()
    {
        string[] settings = [.. await SharedStoreSettingsAsync(), "--Transcript:Enabled", "true", "--B12Bot:Admin:OperatorKey", OperatorKey];
        await using var bot = await RunningBot.StartAsync(settings);
        await bot.SayAsync("can I bring my dog to the appointment?", "down-1");

        await server.StopAsync();
        try
        {
            using var down = await SummaryAsync(bot);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains("store_unavailable", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await server.StartAgainAsync();
        }

        // Back up: the pool's broken connections are replaced over a few requests (meanwhile the figures may come back
        // before the groups, whose note then says the transcript could not be read just now); never a 5xx but 503.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            using var up = await SummaryAsync(bot);
            if (up.StatusCode == System.Net.HttpStatusCode.OK)
            {
                using var summary = System.Text.Json.JsonDocument.Parse(await up.Content.ReadAsStringAsync());
                var unanswered = summary.RootElement.GetProperty("unanswered");
                if (!unanswered.GetProperty("note").GetString()!.Contains("could not be read", StringComparison.Ordinal))
                {
                    Assert.Equal(1, unanswered.GetProperty("questions").GetInt64());
                    break;
                }
            }
            else
            {
                Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, up.StatusCode);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), patience.Token);
        }
    }

    private static async Task<HttpResponseMessage> SummaryAsync(RunningBot bot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/summary?days=7");
        request.Headers.Add("X-Operator-Key", OperatorKey);
        return await bot.Client.SendAsync(request);
    }

    protected override async Task<string[]> SharedStoreSettingsAsync() =>
    [
        "--BotState:Provider", "PostgreSql",
        "--BotState:PostgreSql:ConnectionString", await server.CreateDatabaseAsync(),
        "--DirectLine:TokenSigningKey", SigningKey,
    ];
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobSharedTranscriptTests(AzuriteServer server) : SharedTranscriptContract
{
    protected override Task<string[]> SharedStoreSettingsAsync() => Task.FromResult<string[]>(
    [
        "--BotState:Provider", "AzureBlobs",
        "--BotState:AzureBlobs:ConnectionString", server.ConnectionString,
        // A container of its own per test, so one test's messages never meet another's.
        "--Transcript:AzureBlobsContainer", "transcript-" + Guid.NewGuid().ToString("N")[..12],
        "--BotState:AzureBlobs:Container", "state-" + Guid.NewGuid().ToString("N")[..12],
    ]);
}
