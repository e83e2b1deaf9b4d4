using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using Microsoft.Extensions.Options;

namespace B12Bot.WebChat.Tests.Protocol;

public sealed class MemoryHistoryStoreTests : HistoryStoreContract
{
    protected override IConversationHistoryStore CreateStore(DirectLineHistoryOptions options) =>
        new MemoryConversationHistoryStore(Options.Create(new DirectLineOptions { History = options }), Time);
}
