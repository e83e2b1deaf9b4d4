using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using Microsoft.Data.Sqlite;

namespace B12Bot.WebChat.Tests.Protocol;

public sealed class SqliteHistoryStoreTests : HistoryStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("directline-history-").FullName;

    private string DatabasePath => Path.Combine(_folder, "history.db");

    protected override IConversationHistoryStore CreateStore(DirectLineHistoryOptions options) =>
        new SqliteConversationHistoryStore(DatabasePath, options, Time);

    [Fact]
    public async Task Conversations_and_their_order_survive_a_restart()
    {
        var before = Store();
        await before.TryCreateAsync(Conversation("c1"), default);
        await before.AppendAsync("c1", [Message("a"), Message("b")], default);

        var after = Store();
        var conversation = await after.GetAsync("c1", default);
        var appended = await after.AppendAsync("c1", [Message("c")], default);
        var page = await after.ReadAsync("c1", 0, 10, default);

        Assert.Equal(("dl_user", "Visitor", "en-GB"), (conversation!.UserId, conversation.UserName, conversation.Locale));
        Assert.Equal("c1|0000003", appended!.Single().Id);
        Assert.Equal(["c1|0000001", "c1|0000002", "c1|0000003"], page!.Activities.Select(a => a.Id));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
