using System.Diagnostics;
using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Storage.Sqlite;
using BotRuntime.Testing;
using Microsoft.Data.Sqlite;
using Activity = BotRuntime.Schema.Activity;

namespace BotRuntime.Benchmarks;

/// <summary>
/// One user turn through the whole stack: TestAdapter → middleware (auto-save) → RunAsync → component → waterfall →
/// prompt, with the conversation state read from and written to storage every turn, as in production.
/// The waterfall loops (ReplaceDialog), so every turn ends a prompt, runs a step, and begins the next prompt.
/// </summary>
internal static class WaterfallTurnBenchmark
{
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    public static async Task RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "botruntime-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Func<int, string> choiceAnswer = i => (i % 3) switch { 0 => "thigh", 1 => "the second one", _ => "3" };
            Scenario[] scenarios =
            [
                new("Baseline: no dialog, one reply, MemoryStorage", Baseline, new MemoryStorage(), _ => "an answer", 5000),
                new("TextPrompt loop, MemoryStorage", Run(TextLoop()), new MemoryStorage(), _ => "an answer", 5000),
                new("ChoicePrompt loop, MemoryStorage", Run(ChoiceLoop()), new MemoryStorage(), choiceAnswer, 3000),
                new("TextPrompt loop, SqliteStorage (WAL, file)", Run(TextLoop()), new SqliteStorage(Path.Combine(directory, "text.db")), _ => "an answer", 2000),
                new("ChoicePrompt loop, SqliteStorage (WAL, file)", Run(ChoiceLoop()), new SqliteStorage(Path.Combine(directory, "choice.db")), choiceAnswer, 2000),
            ];

            // Warm every scenario before measuring any: tiered JIT recompiles hot methods on a background thread,
            // and shared code (JSON, pipeline) must be at its final tier for every row alike.
            foreach (var scenario in scenarios)
            {
                await scenario.WarmUpAsync(WarmUpTime);
            }

            Console.WriteLine("== One waterfall turn with state load and save ==");
            // CPU time is reported next to wall time: on a shared, busy machine wall time mostly measures waiting for a core.
            Console.WriteLine($"{"scenario",-46} {"turns",6} {"wall µs/turn",13} {"CPU µs/turn",12} {"bytes/turn",11}");
            foreach (var scenario in scenarios)
            {
                await scenario.MeasureAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The same pipeline and state round trip without the dialog system, to show what the dialogs add.</summary>
    private static async Task Baseline(ITurnContext turn, IStatePropertyAccessor<DialogState> dialogState, CancellationToken cancellationToken)
    {
        await dialogState.GetAsync(turn, static () => new DialogState(), cancellationToken);
        await turn.SendActivityAsync("Anything else?", cancellationToken: cancellationToken);
    }

    private static Func<ITurnContext, IStatePropertyAccessor<DialogState>, CancellationToken, Task> Run(Dialog dialog) =>
        (turn, dialogState, ct) => dialog.RunAsync(turn, dialogState, ct);

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

    private sealed class Scenario
    {
        private readonly string _name;
        private readonly TestAdapter _adapter = new();
        private readonly BotCallbackHandler _turn;
        private readonly Func<int, string> _answer;
        private readonly int _turns;
        private int _sent;

        public Scenario(string name, Func<ITurnContext, IStatePropertyAccessor<DialogState>, CancellationToken, Task> bot, IStorage storage, Func<int, string> answer, int turns)
        {
            _name = name;
            _answer = answer;
            _turns = turns;
            var conversationState = new ConversationState(storage);
            var dialogState = conversationState.CreateProperty<DialogState>("DialogState");
            _adapter.Use(new AutoSaveStateMiddleware(conversationState));
            _turn = (turn, ct) => bot(turn, dialogState, ct);
        }

        public async Task WarmUpAsync(TimeSpan duration)
        {
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed < duration)
            {
                await SendAsync();
            }
        }

        public async Task MeasureAsync()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < _turns; i++)
            {
                await SendAsync();
            }

            stopwatch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            Console.WriteLine($"{_name,-46} {_turns,6} {stopwatch.Elapsed.TotalMicroseconds / _turns,13:N1} {cpu.TotalMicroseconds / _turns,12:N1} {allocated / _turns,11:N0}");
        }

        private async Task SendAsync()
        {
            await _adapter.SendTextToBotAsync(_answer(_sent++), _turn);
            _adapter.ActiveQueue.Clear();
        }
    }
}
