using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.Schema;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>
/// What every history store does: keep order and ids, page by watermark, and stay bounded in time, conversations and
/// activities. Run against the in-memory and the SQLite store.
/// </summary>
public abstract class HistoryStoreContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected abstract IConversationHistoryStore CreateStore(DirectLineHistoryOptions options);

    [Fact]
    public async Task Activities_get_sequential_ids_and_are_read_back_after_a_watermark()
    {
        var store = Store();
        await store.TryCreateAsync(Conversation("c1"), default);

        var stored = await store.AppendAsync("c1", [Message("a"), Message("b"), Message("c")], default);
        var page = await store.ReadAsync("c1", afterSequence: 1, maxCount: 10, default);

        Assert.Equal(["c1|0000001", "c1|0000002", "c1|0000003"], stored!.Select(s => s.Id));
        Assert.Equal(["c1|0000002", "c1|0000003"], page!.Activities.Select(a => a.Id));
        Assert.Equal(3, page.Watermark);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Forgetting_a_conversation_removes_its_messages_and_the_page_carries_on_with_new_ones()
    {
        var store = Store();
        await store.TryCreateAsync(Conversation("c1"), default);
        await store.TryCreateAsync(Conversation("c2"), default);
        await store.AppendAsync("c1", [Message("I am pregnant"), Message("an answer")], default);
        await store.AppendAsync("c2", [Message("someone else")], default);

        var forgotten = await ((BotRuntime.Storage.IConversationDataStore)store).ForgetConversationAsync("webchat", "c1", default);
        var empty = await store.ReadAsync("c1", 0, 10, default);
        await store.AppendAsync("c1", [Message("deleted, confirmed")], default);
        var afterOldWatermark = await store.ReadAsync("c1", 2, 10, default);
        var fromStart = await store.ReadAsync("c1", 0, 10, default);
        var other = await store.ReadAsync("c2", 0, 10, default);

        Assert.Equal(2, forgotten);
        Assert.Empty(empty!.Activities);
        Assert.Equal(["c1|0000003"], afterOldWatermark!.Activities.Select(a => a.Id));
        Assert.Equal(["c1|0000003"], fromStart!.Activities.Select(a => a.Id));
        Assert.Single(other!.Activities);
    }

    [Fact]
    public async Task Reads_are_paged()
    {
        var store = Store();
        await store.TryCreateAsync(Conversation("c1"), default);
        await store.AppendAsync("c1", [Message("a"), Message("b"), Message("c")], default);

        var first = await store.ReadAsync("c1", 0, maxCount: 2, default);
        var second = await store.ReadAsync("c1", first!.Watermark, maxCount: 2, default);

        Assert.Equal((2L, true), (first.Watermark, first.HasMore));
        Assert.Equal(["c1|0000003"], second!.Activities.Select(a => a.Id));
    }

    [Fact]
    public async Task Only_the_newest_activities_of_a_long_conversation_are_kept()
    {
        var store = Store(maxActivities: 3);
        await store.TryCreateAsync(Conversation("c1"), default);
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync("c1", [Message("m" + i)], default);
        }

        var page = await store.ReadAsync("c1", 0, 10, default);

        Assert.Equal(["c1|0000003", "c1|0000004", "c1|0000005"], page!.Activities.Select(a => a.Id));
    }

    [Fact]
    public async Task An_idle_conversation_is_forgotten_and_an_active_one_is_not()
    {
        var store = Store(idle: TimeSpan.FromMinutes(30));
        await store.TryCreateAsync(Conversation("idle"), default);
        await store.TryCreateAsync(Conversation("active"), default);

        for (var i = 0; i < 4; i++)
        {
            Time.Advance(TimeSpan.FromMinutes(10));
            await store.AppendAsync("active", [Message("still here")], default);
        }

        Assert.Null(await store.GetAsync("idle", default));
        Assert.NotNull(await store.GetAsync("active", default));
        Assert.Null(await store.AppendAsync("idle", [Message("too late")], default));
    }

    [Fact]
    public async Task At_the_conversation_limit_the_least_recently_active_one_makes_room()
    {
        var store = Store(maxConversations: 2);
        await store.TryCreateAsync(Conversation("old"), default);
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.TryCreateAsync(Conversation("recent"), default);
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.GetAsync("old", default);
        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await store.TryCreateAsync(Conversation("new"), default));

        Assert.NotNull(await store.GetAsync("old", default));
        Assert.NotNull(await store.GetAsync("new", default));
        Assert.Null(await store.GetAsync("recent", default));
    }

    [Fact]
    public async Task Creating_an_existing_conversation_is_refused()
    {
        var store = Store();

        Assert.True(await store.TryCreateAsync(Conversation("c1"), default));
        Assert.False(await store.TryCreateAsync(Conversation("c1"), default));
    }

    [Fact]
    public async Task Stored_json_is_the_activity_with_its_id()
    {
        var store = Store();
        await store.TryCreateAsync(Conversation("c1"), default);
        await store.AppendAsync("c1", [Message("héllo 💉")], default);

        var page = await store.ReadAsync("c1", 0, 10, default);
        var activity = System.Text.Json.JsonSerializer.Deserialize(page!.Activities[0].Json.Span, BotJsonContext.Default.Activity);

        Assert.Equal(("c1|0000001", "héllo 💉"), (activity!.Id, activity.Text));
    }

    [Fact]
    public async Task Unknown_conversations_read_and_append_as_null()
    {
        var store = Store();

        Assert.Null(await store.GetAsync("nope", default));
        Assert.Null(await store.ReadAsync("nope", 0, 10, default));
        Assert.Null(await store.AppendAsync("nope", [Message("x")], default));
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_consecutive_sequences()
    {
        var store = Store();
        await store.TryCreateAsync(Conversation("c1"), default);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.AppendAsync("c1", [Message("m" + i), Message("n" + i)], default).AsTask()));

        var page = await store.ReadAsync("c1", 0, 100, default);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), page!.Activities.Select(a => a.Sequence));
    }

    [Fact]
    public async Task A_conversation_keeps_only_as_many_bytes_as_its_budget_newest_first()
    {
        var store = Store(maxBytes: 4096);
        await store.TryCreateAsync(Conversation("c1"), default);
        for (var i = 0; i < 20; i++)
        {
            await store.AppendAsync("c1", [Message(i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 1000))], default);
        }

        var page = await store.ReadAsync("c1", 0, 100, default);

        Assert.InRange(page!.Activities.Sum(a => a.Json.Length), 1, 4096);
        Assert.Equal("c1|0000020", page.Activities[^1].Id);
        Assert.True(page.Activities.Count >= 2, "the newest activities that fit stay");
        Assert.Equal(20, page.Watermark);
    }

    [Fact]
    public async Task The_retention_sweep_removes_conversations_idle_since_the_cutoff_and_keeps_the_rest()
    {
        var store = Store();
        await store.TryCreateAsync(Conversation("old"), default);
        await store.AppendAsync("old", [Message("a")], default);
        Time.Advance(TimeSpan.FromMinutes(31));
        await store.TryCreateAsync(Conversation("new"), default);
        await store.AppendAsync("new", [Message("b")], default);

        var removed = await ((BotRuntime.Storage.IExpiringStore)store).RemoveIdleAsync(Time.GetUtcNow() - TimeSpan.FromMinutes(30), default);

        Assert.Equal(1, removed);
        Assert.Null(await store.ReadAsync("old", 0, 10, default));
        Assert.NotNull(await store.ReadAsync("new", 0, 10, default));
    }

    protected IConversationHistoryStore Store(int maxActivities = 300, int maxConversations = 100, TimeSpan? idle = null, int maxBytes = 256 * 1024) =>
        CreateStore(new DirectLineHistoryOptions
        {
            MaxActivitiesPerConversation = maxActivities,
            MaxConversations = maxConversations,
            ConversationIdleTimeout = idle ?? TimeSpan.FromHours(2),
            MaxBytesPerConversation = maxBytes,
        });

    protected DirectLineConversation Conversation(string id) => new(id, "dl_user", "Visitor", "en-GB", Time.GetUtcNow());

    protected static Activity Message(string text) => Activity.CreateMessageActivity(text);
}
