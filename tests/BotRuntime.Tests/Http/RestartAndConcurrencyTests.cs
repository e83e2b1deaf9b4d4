using BotRuntime.Storage;
using BotRuntime.Storage.Sqlite;
using BotRuntime.Tests.Support;

namespace BotRuntime.Tests.Http;

public sealed class RestartAndConcurrencyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-restart-").FullName;

    [Fact]
    public async Task Conversation_state_in_the_sqlite_file_survives_a_host_restart()
    {
        var path = Path.Combine(_folder, "state.db");
        await using (var first = await LoopbackBotHost.StartAsync(new SqliteStorage(path)))
        {
            await first.Client.PostAsync(Activities.Message("one", conversationId: "persisted"));
            var second = await first.Client.PostAsync(Activities.Message("two", conversationId: "persisted"));
            Assert.Equal("count 2", Assert.Single(await second.RepliesAsync()).Text);
        }

        await using var restarted = await LoopbackBotHost.StartAsync(new SqliteStorage(path));
        var third = await restarted.Client.PostAsync(Activities.Message("three", conversationId: "persisted"));
        Assert.Equal("count 3", Assert.Single(await third.RepliesAsync()).Text);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Many_parallel_turns_in_one_conversation_lose_no_update(string kind)
    {
        IStorage storage = kind == "memory" ? new MemoryStorage() : new SqliteStorage(Path.Combine(_folder, "parallel.db"));
        await using var host = await LoopbackBotHost.StartAsync(storage);
        const int turns = 40;

        var responses = await Task.WhenAll(Enumerable.Range(0, turns).Select(i => host.Client.PostAsync(Activities.Message($"m{i}", conversationId: "busy"))));

        var counts = new List<int>();
        foreach (var response in responses)
        {
            counts.Add(int.Parse(Assert.Single(await response.RepliesAsync()).Text!["count ".Length..]));
        }

        // Each turn saw the previous turn's save: the counts are exactly 1..N, none repeated.
        Assert.Equal(Enumerable.Range(1, turns), counts.Order());
        var after = await host.Client.PostAsync(Activities.Message("last", conversationId: "busy"));
        Assert.Equal($"count {turns + 1}", Assert.Single(await after.RepliesAsync()).Text);
    }

    [Fact]
    public async Task Parallel_turns_in_different_conversations_do_not_wait_on_each_other_state()
    {
        await using var host = await LoopbackBotHost.StartAsync(new MemoryStorage());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.Client.PostAsync(Activities.Message("hi", conversationId: $"c{i}"))));

        foreach (var response in responses)
        {
            Assert.Equal("count 1", Assert.Single(await response.RepliesAsync()).Text);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
