using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Testing;

namespace BotRuntime.Tests.State;

public sealed class BotStateTests
{
    private static TurnContext Turn(TestAdapter adapter, string conversationId = "convo1", string userId = "user1")
    {
        var activity = adapter.MakeActivity("hi");
        activity.Conversation = new ConversationAccount(conversationId);
        activity.From = new ChannelAccount(userId);
        return new TurnContext(adapter, activity);
    }

    [Fact]
    public async Task Properties_persist_across_turns_under_the_sdk_keys()
    {
        var storage = new RecordingStorage(new MemoryStorage());
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var adapter = new TestAdapter();

        var turn1 = Turn(adapter);
        await conversation.CreateProperty<string>("topic").SetAsync(turn1, "safety");
        await user.CreateProperty<int>("visits").SetAsync(turn1, 2);
        await conversation.SaveChangesAsync(turn1);
        await user.SaveChangesAsync(turn1);

        Assert.Contains("test/conversations/convo1", storage.Written);
        Assert.Contains("test/users/user1", storage.Written);

        var turn2 = Turn(adapter);
        Assert.Equal("safety", await conversation.CreateProperty<string>("topic").GetAsync(turn2));
        Assert.Equal(2, await user.CreateProperty<int>("visits").GetAsync(turn2));
    }

    [Fact]
    public async Task Save_writes_only_when_something_changed()
    {
        var storage = new RecordingStorage(new MemoryStorage());
        var conversation = new ConversationState(storage);
        var adapter = new TestAdapter();

        var turn1 = Turn(adapter);
        await conversation.CreateProperty<string>("topic").SetAsync(turn1, "safety");
        await conversation.SaveChangesAsync(turn1);
        Assert.Equal(1, storage.WriteCount);

        var turn2 = Turn(adapter);
        Assert.Equal("safety", await conversation.CreateProperty<string>("topic").GetAsync(turn2));
        await conversation.SaveChangesAsync(turn2);
        Assert.Equal(1, storage.WriteCount);

        await conversation.CreateProperty<string>("topic").SetAsync(turn2, "dose");
        await conversation.SaveChangesAsync(turn2);
        Assert.Equal(2, storage.WriteCount);
    }

    [Fact]
    public async Task A_new_conversation_that_only_created_defaults_writes_nothing_until_one_changes()
    {
        var storage = new RecordingStorage(new MemoryStorage());
        var conversation = new ConversationState(storage);
        var adapter = new TestAdapter();
        var answers = conversation.CreateProperty<List<string>>("answers");
        var welcomed = conversation.CreateProperty<bool>("welcomed");

        // An FAQ answer on a first turn: defaults looked at, nothing remembered, so nothing to store.
        var turn1 = Turn(adapter);
        Assert.Empty(await answers.GetAsync(turn1, () => []));
        Assert.False(await welcomed.GetAsync(turn1, () => false));
        await conversation.SaveChangesAsync(turn1);
        Assert.Equal(0, storage.WriteCount);

        // The next turn starts from the same defaults and changes one: now the state is written, and read back.
        var turn2 = Turn(adapter);
        (await answers.GetAsync(turn2, () => [])).Add("yes");
        await conversation.SaveChangesAsync(turn2);
        Assert.Equal(1, storage.WriteCount);
        Assert.Equal(["yes"], await answers.GetAsync(Turn(adapter)));

        // A value set explicitly is written even when it equals the default.
        var other = Turn(adapter, conversationId: "convo2");
        await welcomed.SetAsync(other, false);
        await conversation.SaveChangesAsync(other);
        Assert.Equal(2, storage.WriteCount);
        Assert.Contains("test/conversations/convo2", storage.Written);
    }

    [Fact]
    public async Task A_changed_live_object_is_saved_without_calling_set()
    {
        var conversation = new ConversationState(new MemoryStorage());
        var adapter = new TestAdapter();
        var accessor = conversation.CreateProperty<List<string>>("answers");

        var turn1 = Turn(adapter);
        (await accessor.GetAsync(turn1, () => [])).Add("yes");
        await conversation.SaveChangesAsync(turn1);

        var turn2 = Turn(adapter);
        var answers = await accessor.GetAsync(turn2, () => []);
        answers.Add("no");
        await conversation.SaveChangesAsync(turn2);

        Assert.Equal(["yes", "no"], await accessor.GetAsync(Turn(adapter)));
    }

    [Fact]
    public async Task Two_turns_that_loaded_the_same_state_cannot_both_save_silently()
    {
        var storage = new MemoryStorage();
        var conversation = new ConversationState(storage);
        var adapter = new TestAdapter();
        var accessor = conversation.CreateProperty<int>("count");
        var seed = Turn(adapter);
        await accessor.SetAsync(seed, 1);
        await conversation.SaveChangesAsync(seed);

        // Two instances (think: two servers) load the same version, then both write.
        var a = Turn(adapter);
        var b = Turn(adapter);
        await accessor.SetAsync(a, await accessor.GetAsync(a) + 1);
        await accessor.SetAsync(b, await accessor.GetAsync(b) + 10);
        await conversation.SaveChangesAsync(a);

        await Assert.ThrowsAsync<EtagConflictException>(() => conversation.SaveChangesAsync(b));
        Assert.Equal(2, await accessor.GetAsync(Turn(adapter)));
    }

    [Fact]
    public async Task Clear_and_delete_remove_the_state()
    {
        var storage = new MemoryStorage();
        var conversation = new ConversationState(storage);
        var adapter = new TestAdapter();
        var accessor = conversation.CreateProperty<string>("topic");

        var turn1 = Turn(adapter);
        await accessor.SetAsync(turn1, "safety");
        await conversation.SaveChangesAsync(turn1);

        var turn2 = Turn(adapter);
        await conversation.ClearStateAsync(turn2);
        await conversation.SaveChangesAsync(turn2);
        Assert.Null(await accessor.GetAsync(Turn(adapter)));

        var turn3 = Turn(adapter);
        await accessor.SetAsync(turn3, "again");
        await conversation.SaveChangesAsync(turn3);
        await conversation.DeleteAsync(Turn(adapter));
        Assert.Empty(await storage.ReadAsync(["test/conversations/convo1"]));
    }

    [Fact]
    public async Task A_missing_conversation_id_is_a_clear_error()
    {
        var conversation = new ConversationState(new MemoryStorage());
        var adapter = new TestAdapter();
        var activity = adapter.MakeActivity("hi");
        activity.Conversation = null;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => conversation.LoadAsync(new TurnContext(adapter, activity)));
        Assert.Contains("conversation.id", error.Message);
    }

    private sealed class RecordingStorage(IStorage inner) : IStorage
    {
        public List<string> Written { get; } = [];

        public int WriteCount { get; private set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            WriteCount++;
            Written.AddRange(changes.Keys);
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
