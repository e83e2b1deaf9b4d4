using System.Text;
using B12Bot.WebChat.Tests.Protocol;
using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.AspNetCore.DirectLine.Streaming;
using BotRuntime.DirectLine.PostgreSql;
using BotRuntime.Storage.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BotRuntime.Storage.Tests.DirectLine;

/// <summary>
/// The shared Direct Line history on PostgreSQL: the contract every history store keeps, then what only a shared one
/// must do: two instances appending to one conversation get one order, a reader never skips an activity another
/// instance is committing, and a stream on one instance hears what another instance appended.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlHistoryStoreTests(PostgreSqlServer server) : HistoryStoreContract, IAsyncLifetime
{
    // Each test gets its own tables, so tests never see each other's conversations.
    private readonly string _prefix = "dl" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<PostgreSqlConversationHistoryStore> _stores = [];

    protected override IConversationHistoryStore CreateStore(DirectLineHistoryOptions options) => Instance("test", options);

    private PostgreSqlConversationHistoryStore Instance(string instanceId, DirectLineHistoryOptions? options = null)
    {
        var store = new PostgreSqlConversationHistoryStore(NpgsqlDataSource.Create(server.ConnectionString), options ?? new DirectLineHistoryOptions(), Time, _prefix, instanceId);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    [Fact]
    public async Task Two_instances_appending_to_one_conversation_at_once_make_one_gapless_order()
    {
        var first = Instance("a");
        var second = Instance("b");
        await first.TryCreateAsync(Conversation("c1"), default);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 0 ? first : second).AppendAsync("c1", [Message("m" + i), Message("n" + i)], default).AsTask()));

        var page = await second.ReadAsync("c1", 0, 100, default);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), page!.Activities.Select(a => a.Sequence));
        // Each append's two activities are neighbours: no other instance's append lands between them.
        var texts = page.Activities.Select(a => System.Text.Json.JsonSerializer.Deserialize(a.Json.Span, BotRuntime.Schema.BotJsonContext.Default.Activity)!.Text!).ToList();
        for (var i = 0; i < texts.Count; i += 2)
        {
            Assert.Equal("n" + texts[i][1..], texts[i + 1]);
        }
    }

    [Fact]
    public async Task Each_activity_is_stored_with_its_own_id_and_its_text_untouched_whatever_the_text_holds()
    {
        var store = Instance("a");
        await store.TryCreateAsync(Conversation("c1"), default);
        await store.AppendAsync("c1", [Message("first")], default);
        // Text that looks like JSON, an id, escapes, and characters outside ASCII.
        string[] texts = ["{\"id\":\"c1|0000001\"} \\ \"quoted\"", "B12 💉 Müdigkeit — ok?", "id"];

        var appended = (await store.AppendAsync("c1", texts.Select(Message).ToList(), default))!;
        var page = (await store.ReadAsync("c1", 1, 10, default))!;

        Assert.Equal(["c1|0000002", "c1|0000003", "c1|0000004"], appended.Select(a => a.Id));
        Assert.Equal(appended.Select(a => a.Id), page.Activities.Select(a => a.Id));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(appended[i].Json.ToArray(), page.Activities[i].Json.ToArray());
            var activity = System.Text.Json.JsonSerializer.Deserialize(page.Activities[i].Json.Span, BotRuntime.Schema.BotJsonContext.Default.Activity)!;
            Assert.Equal(appended[i].Id, activity.Id);
            Assert.Equal(texts[i], activity.Text);
        }
    }

    [Fact]
    public async Task A_reader_following_the_watermark_while_two_instances_append_sees_every_activity_once_in_order()
    {
        var first = Instance("a");
        var second = Instance("b");
        var reader = Instance("c");
        await first.TryCreateAsync(Conversation("c1"), default);
        const int appends = 60;

        var writing = Task.WhenAll(Enumerable.Range(0, appends).Select(async i =>
        {
            await Task.Yield();
            await (i % 2 == 0 ? first : second).AppendAsync("c1", [Message("m" + i)], default);
        }));
        var seen = new List<long>();
        var watermark = 0L;
        while (seen.Count < appends)
        {
            var page = await reader.ReadAsync("c1", watermark, maxCount: 7, default);
            seen.AddRange(page!.Activities.Select(a => a.Sequence));
            watermark = page.Watermark;
        }

        await writing;
        Assert.Equal(Enumerable.Range(1, appends).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task A_stream_on_one_instance_hears_what_another_instance_appended_and_its_typing()
    {
        await using var listening = await ListenAsync();
        var (there, stream) = (listening.There, listening.Stream);
        // Listening started: every stream is told to re-read (it may have missed notices before).
        Assert.Equal(0, (await NextSignalAsync(stream)).Watermark);

        await there.AppendAsync("c1", [Message("a"), Message("b")], default);
        var appended = await NextSignalAsync(stream);
        await new PostgreSqlStreamRelay(new ConversationStreamHub(), there).PublishTransientAsync("c1", """{"type":"typing"}"""u8.ToArray(), default);
        var typing = await NextSignalAsync(stream);

        Assert.Equal((null, 2L), (appended.TransientActivity, appended.Watermark));
        Assert.Equal("""{"type":"typing"}""", Encoding.UTF8.GetString(typing.TransientActivity!.Value.Span));
    }

    [Fact]
    public async Task An_instance_skips_its_own_notices_because_it_told_its_streams_itself()
    {
        await using var listening = await ListenAsync();
        var (here, there, stream) = (listening.Here, listening.There, listening.Stream);
        await NextSignalAsync(stream);

        await here.AppendAsync("c1", [Message("own")], default);
        await there.AppendAsync("c1", [Message("theirs")], default);

        // Notices arrive in commit order: the first one heard is the other instance's (watermark 2), not this one's.
        Assert.Equal(2, (await NextSignalAsync(stream)).Watermark);
    }

    [Fact]
    public async Task A_notice_that_is_not_understood_is_ignored_and_later_ones_still_arrive()
    {
        await using var listening = await ListenAsync();
        var (there, listener, stream) = (listening.There, listening.Listener, listening.Stream);
        await NextSignalAsync(stream);

        await there.NotifyAsync("a|there|not-a-number|c1", default);
        await there.NotifyAsync("garbage", default);
        await there.AppendAsync("c1", [Message("after")], default);

        Assert.Equal(1, (await NextSignalAsync(stream)).Watermark);
        Assert.True(listener.IsListening);
    }

    /// <summary>
    /// Two instances of the store: "here" listens for notices, with a stream open on conversation c1; "there" is the
    /// other instance. The stream's first signal (listening started: re-read) is left for the test.
    /// </summary>
    private async Task<Listening> ListenAsync()
    {
        var here = Instance("here");
        var hub = new ConversationStreamHub();
        var listener = new PostgreSqlStreamListener(here, hub, TimeProvider.System, NullLogger<PostgreSqlStreamListener>.Instance);
        await here.TryCreateAsync(Conversation("c1"), default);
        var listening = new Listening(here, Instance("there"), listener, hub.Subscribe("c1"));
        await listener.StartAsync(default);
        await WaitUntilAsync(() => listener.IsListening);
        return listening;
    }

    private static async Task<StreamSignal> NextSignalAsync(StreamSubscription stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await stream.Signals.ReadAsync(timeout.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The listener did not connect within 10 s.");
            await Task.Delay(20);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private sealed record Listening(PostgreSqlConversationHistoryStore Here, PostgreSqlConversationHistoryStore There, PostgreSqlStreamListener Listener, StreamSubscription Stream)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(default);
            Listener.Dispose();
            Stream.Dispose();
        }
    }
}
