using BotRuntime.Dialogs;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Testing;

namespace BotRuntime.Dialogs.Tests;

/// <summary>Wires a root dialog into a TestFlow the way a bot does: RunAsync each turn, conversation state saved after it.</summary>
internal static class DialogHarness
{
    public static TestFlow Flow(Dialog dialog, TestAdapter? adapter = null, IStorage? storage = null)
    {
        adapter ??= new TestAdapter();
        var conversationState = new ConversationState(storage ?? new MemoryStorage());
        var dialogState = conversationState.CreateProperty<DialogState>("DialogState");
        adapter.Use(new AutoSaveStateMiddleware(conversationState));
        return new TestFlow(adapter, (turn, ct) => dialog.RunAsync(turn, dialogState, ct));
    }

    public static TestAdapter Adapter(string channelId = "test", string? conversationType = null, string locale = "en-us")
    {
        var reference = TestAdapter.CreateConversation(channelId);
        reference.Conversation!.ConversationType = conversationType;
        reference.Locale = locale;
        return new TestAdapter(reference);
    }
}
