using System.Text.Json;
using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Storage.Sqlite;
using BotRuntime.Testing;

namespace BotRuntime.Tests.State;

/// <summary>
/// "delete my data" on every storage provider: the eraser works only through <see cref="IStorage"/>, so each provider
/// added to <see cref="Stores"/> (PostgreSQL, Azure Blob) gets the same test.
/// </summary>
public sealed class UserDataEraserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-erase-").FullName;

    public static TheoryData<string> Stores => ["memory", "sqlite"];

    private IStorage Create(string kind) => kind == "memory" ? new MemoryStorage() : new SqliteStorage(Path.Combine(_folder, "state.db"));

    private static TurnContext Turn(TestAdapter adapter, string conversationId, string userId)
    {
        var activity = adapter.MakeActivity("delete my data");
        activity.Conversation = new ConversationAccount(conversationId);
        activity.From = new ChannelAccount(userId);
        return new TurnContext(adapter, activity);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Erasing_removes_the_users_and_conversations_state_and_leaves_everyone_elses(string kind)
    {
        var storage = Create(kind);
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var history = new RecordingDataStore();
        var adapter = new TestAdapter();
        foreach (var (conversationId, userId) in new[] { ("c1", "u1"), ("c2", "u2") })
        {
            var turn = Turn(adapter, conversationId, userId);
            await conversation.CreateProperty<string>("answers").SetAsync(turn, "pregnant: yes");
            await user.CreateProperty<string>("name").SetAsync(turn, "Jane");
            await conversation.SaveChangesAsync(turn);
            await user.SaveChangesAsync(turn);
        }

        await storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/c1/users/u1"] = new Dictionary<string, object?> { ["private"] = "x" } });

        var erasing = Turn(adapter, "c1", "u1");
        await conversation.LoadAsync(erasing);
        await new UserDataEraser(conversation, user, [history]).EraseAsync(erasing);
        await conversation.SaveChangesAsync(erasing);
        await user.SaveChangesAsync(erasing);

        var left = await storage.ReadAsync(["test/conversations/c1", "test/users/u1", "test/conversations/c1/users/u1", "test/conversations/c2", "test/users/u2"]);
        Assert.Equal(["test/conversations/c2", "test/users/u2"], left.Keys.Order());
        Assert.Equal("pregnant: yes", ((JsonElement)left["test/conversations/c2"]).GetProperty("answers").GetString());
        Assert.Equal([("test", "c1")], history.Forgotten);

        var next = Turn(adapter, "c1", "u1");
        Assert.Null(await conversation.CreateProperty<string>("answers").GetAsync(next));
        Assert.Null(await user.CreateProperty<string>("name").GetAsync(next));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class RecordingDataStore : IConversationDataStore
    {
        public List<(string, string)> Forgotten { get; } = [];

        public Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
        {
            Forgotten.Add((channelId, conversationId));
            return Task.FromResult(1);
        }
    }
}
