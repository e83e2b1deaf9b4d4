using System.Diagnostics;
using Activity = BotRuntime.Schema.Activity;
using BotRuntime.Dialogs;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Testing;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Benchmarks;

/// <summary>
/// One user turn through the whole stack: TestAdapter → middleware (auto-save) → RunAsync → component → waterfall →
/// prompt, with the conversation state read from and written to storage every turn, as in production.
/// The waterfall loops (ReplaceDialog), so every turn ends a prompt, runs a step, and begins the next prompt.
/// </summary>
internal static class WaterfallTurnBenchmark
{
    public static async Task RunAsync()
    {
        Console.WriteLine("== One waterfall turn with state load and save ==");
        Console.WriteLine($"{"scenario",-44} {"turns",7} {"µs/turn",10} {"bytes/turn",12}");

        await MeasureAsync("TextPrompt loop, MemoryStorage", TextLoop(), new MemoryStorage(), _ => "an answer", 500, 5000);
        await MeasureAsync("ChoicePrompt loop, MemoryStorage", ChoiceLoop(), new MemoryStorage(), i => (i % 3) switch { 0 => "thigh", 1 => "the second one", _ => "3" }, 300, 3000);

        var directory = Path.Combine(Path.GetTempPath(), "botruntime-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await MeasureAsync("TextPrompt loop, SqliteStorage (WAL, file)", TextLoop(), new SqliteStorage(Path.Combine(directory, "text.db")), _ => "an answer", 300, 2000);
            await MeasureAsync("ChoicePrompt loop, SqliteStorage (WAL, file)", ChoiceLoop(), new SqliteStorage(Path.Combine(directory, "choice.db")), i => (i % 3) switch { 0 => "thigh", 1 => "the second one", _ => "3" }, 300, 2000);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, Dialog dialog, IStorage storage, Func<int, string> answer, int warmUpTurns, int turns)
    {
        var adapter = new TestAdapter();
        var conversationState = new ConversationState(storage);
        var dialogState = conversationState.CreateProperty<DialogState>("DialogState");
        adapter.Use(new AutoSaveStateMiddleware(conversationState));
        Task Turn(BotRuntime.Builder.ITurnContext turn, CancellationToken ct) => dialog.RunAsync(turn, dialogState, ct);

        for (var i = 0; i < warmUpTurns; i++)
        {
            await adapter.SendTextToBotAsync(answer(i), Turn);
            adapter.ActiveQueue.Clear();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < turns; i++)
        {
            await adapter.SendTextToBotAsync(answer(i), Turn);
            adapter.ActiveQueue.Clear();
        }

        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine($"{name,-44} {turns,7} {stopwatch.Elapsed.TotalMicroseconds / turns,10:N1} {allocated / turns,12:N0}");
    }

    private static ComponentDialog TextLoop()
    {
        var component = new ComponentDialog("textLoop");
        component.AddDialog(new WaterfallDialog("loop",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessageActivity("Anything else?") }, ct),
            (step, ct) =>
            {
                step.Values["last"] = step.Result!;
                return step.ReplaceDialogAsync("loop", null, ct);
            },
        ]));
        component.AddDialog(new TextPrompt("text"));
        return component;
    }

    private static ComponentDialog ChoiceLoop()
    {
        var component = new ComponentDialog("choiceLoop");
        component.AddDialog(new WaterfallDialog("loop",
        [
            (step, ct) => step.PromptAsync("site", new PromptOptions
            {
                Prompt = Activity.CreateMessageActivity("Where was the injection?"),
                Choices = ChoiceFactory.ToChoices(["Arm", "Thigh", "Buttock"]),
            }, ct),
            (step, ct) =>
            {
                step.Values["site"] = ((FoundChoice)step.Result!).Value;
                return step.ReplaceDialogAsync("loop", null, ct);
            },
        ]));
        component.AddDialog(new ChoicePrompt("site"));
        return component;
    }
}
