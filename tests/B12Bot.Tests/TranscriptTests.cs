using B12Bot.Conversation.Understanding;
using B12Bot.Tests.Support;
using B12Bot.Transcripts;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.Tests;

/// <summary>The opt-in transcript: redacted, grouped for content editors, forgotten on request and after its retention.</summary>
public sealed class TranscriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-transcript-").FullName;

    [Fact]
    public async Task Unanswered_questions_are_kept_redacted_grouped_by_meaning_and_answered_ones_are_left_out()
    {
        await using var bot = await RunningBot.StartAsync("--Transcript:Enabled", "true", "--Transcript:SqlitePath", Path.Combine(_folder, "t.db"));
        await bot.SayAsync("are b12 injections safe?", "t-1");
        await bot.SayAsync("can I bring my dog to the appointment? my email is jane@example.com", "t-1");
        await bot.SayAsync("can I bring my dog to my appointment", "t-2");
        await bot.SayAsync("is there wifi in the waiting room, call me on 555-201-7788", "t-3");

        var groups = await new UnansweredQuestionsReport(bot.Services.GetRequiredService<ITranscriptStore>(), bot.Services.GetRequiredService<ISentenceEmbedder>()).BuildAsync();
        var texts = groups.SelectMany(g => g.OtherWordings.Prepend(g.Example)).ToList();

        Assert.DoesNotContain("are b12 injections safe?", texts);
        Assert.DoesNotContain(texts, t => t.Contains("jane@example.com", StringComparison.Ordinal) || t.Contains("555-201-7788", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("[email]", StringComparison.Ordinal));
        var dogs = Assert.Single(groups, g => g.Example == "can I bring my dog to the appointment? my email is [email]");
        Assert.Equal(["can I bring my dog to my appointment"], dogs.OtherWordings);
        Assert.Equal(3, groups.Sum(g => g.Count));
    }

    [Fact]
    public async Task Delete_my_data_removes_that_conversations_transcript_and_keeps_nothing_of_its_turn()
    {
        await using var bot = await RunningBot.StartAsync("--Transcript:Enabled", "true", "--Transcript:SqlitePath", Path.Combine(_folder, "t.db"));
        await bot.SayAsync("can I bring my dog to the appointment", "forget-t");
        await bot.SayAsync("is there wifi in the waiting room", "keep-t");
        var store = bot.Services.GetRequiredService<ITranscriptStore>();
        Assert.Equal(2, (await store.ReadAsync(UnansweredQuestionsReport.Outcomes)).Count);

        await bot.SayAsync("delete my data", "forget-t");
        await bot.SayAsync("yes", "forget-t");

        var left = await store.ReadAsync([.. UnansweredQuestionsReport.Outcomes, "command", "dialog", "small_talk", "answered"]);
        Assert.Equal(["is there wifi in the waiting room"], left.Select(e => e.Text));
    }

    [Fact]
    public async Task Messages_older_than_the_retention_are_swept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new SqliteTranscriptStore(Path.Combine(_folder, "r.db"), TimeSpan.FromDays(30), time);
        await store.AddAsync("webchat", "c1", "old question", "not_understood");
        time.Advance(TimeSpan.FromDays(20));
        await store.AddAsync("webchat", "c2", "newer question", "not_understood");
        time.Advance(TimeSpan.FromDays(11));

        // The sweep passes the conversation idle cut-off (30 minutes ago); the transcript keeps to its own 30 days.
        var removed = await store.RemoveIdleAsync(time.GetUtcNow() - TimeSpan.FromMinutes(30));

        Assert.Equal(1, removed);
        Assert.Equal(["newer question"], (await store.ReadAsync(["not_understood"])).Select(e => e.Text));
    }

    [Fact]
    public async Task Without_its_own_retention_the_transcript_follows_the_conversation_idle_timeout()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new SqliteTranscriptStore(Path.Combine(_folder, "i.db"), retention: null, time);
        await store.AddAsync("webchat", "c1", "a question", "clarified");
        time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(1, await store.RemoveIdleAsync(time.GetUtcNow() - TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task The_transcript_is_off_by_default_and_nothing_is_written()
    {
        await using var bot = await RunningBot.StartAsync("--Transcript:SqlitePath", Path.Combine(_folder, "off.db"));
        await bot.SayAsync("can I bring my dog to the appointment", "off-1");

        Assert.Empty(await bot.Services.GetRequiredService<ITranscriptStore>().ReadAsync(UnansweredQuestionsReport.Outcomes));
    }

    [Fact]
    public async Task A_transcript_store_that_does_not_answer_costs_the_dashboard_its_groups_and_nothing_else()
    {
        await using var bot = await RunningBot.StartAsync(
            builder => builder.Services.AddSingleton<ITranscriptStore, UnreachableTranscriptStore>(),
            "--Transcript:Enabled", "true", "--Transcript:SqlitePath", Path.Combine(_folder, "u.db"));
        await bot.SayAsync("can I bring my dog to the appointment", "u-1");

        var summary = await bot.Services.GetRequiredService<B12Bot.Admin.DashboardSummaryService>().BuildAsync(7, default);

        Assert.Equal(0, summary.Unanswered.Questions);
        Assert.Contains("could not be read just now", summary.Unanswered.Note, StringComparison.Ordinal);
        Assert.True(summary.Totals.Questions.Values.Sum() >= 1, "the day's counts are still there");
        Assert.Contains(bot.Logs.Entries, e => e.Contains("could not read the transcript for the unanswered groups (HttpRequestException)", StringComparison.Ordinal));
    }

    /// <summary>A shared transcript store whose server is down.</summary>
    private sealed class UnreachableTranscriptStore : ITranscriptStore
    {
        public Task AddAsync(string channelId, string conversationId, string redactedText, string outcome, CancellationToken cancellationToken = default) => Fail();

        public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(IReadOnlyCollection<string> outcomes, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<TranscriptEntry>>();

        public Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default) => Fail<int>();

        public Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default) => Fail<int>();

        private static Task Fail() => Task.FromException(new HttpRequestException("connection refused"));

        private static Task<T> Fail<T>() => Task.FromException<T>(new HttpRequestException("connection refused"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
