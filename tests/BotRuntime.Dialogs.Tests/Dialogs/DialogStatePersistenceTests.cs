using System.Text.Json;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Storage.Sqlite;
using BotRuntime.Testing;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Dialogs.Tests.Dialogs;

public sealed class DialogStatePersistenceTests : IDisposable
{
    private const string ConversationKey = "test/conversations/convo1";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dialogs-tests-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "state.db");

    [Fact]
    public async Task Conversation_resumes_at_the_right_step_after_a_restart_with_sqlite()
    {
        var attempts = new List<int>();
        PromptValidator<int> ageValidator = (prompt, _) =>
        {
            attempts.Add(prompt.AttemptCount);
            return Task.FromResult(prompt.Recognized.Succeeded);
        };

        // First process: the user gives a name and one unusable age, then the host goes down.
        var before = new DialogTestClient("test", SampleDialogs.Intake(ageValidator), conversationState: new ConversationState(new SqliteStorage(DatabasePath)));
        Assert.Equal("What is your name?", (await before.SendActivityAsync("hi"))?.Text);
        Assert.Equal("How old are you?", (await before.SendActivityAsync("Ana"))?.Text);
        Assert.Equal("Please tell me your age as a number.", (await before.SendActivityAsync("old enough"))?.Text);

        // Second process: new storage object on the same file, new dialog objects, new adapter.
        SqliteConnection.ClearAllPools();
        var after = new DialogTestClient("test", SampleDialogs.Intake(ageValidator), conversationState: new ConversationState(new SqliteStorage(DatabasePath)));
        Assert.Equal("When should we call?", (await after.SendActivityAsync("41"))?.Text);
        Assert.Equal("May we store this?", (await after.SendActivityAsync("evening"))?.Text);
        Assert.Equal("Ana, 41, Evening, consent yes.", (await after.SendActivityAsync("sure"))?.Text);
        Assert.Equal(DialogTurnStatus.Complete, after.DialogTurnResult?.Status);

        Assert.Equal([1, 2], attempts);
    }

    [Fact]
    public async Task Stored_stack_has_the_sdk_shape_with_the_active_dialog_first()
    {
        var storage = new SqliteStorage(DatabasePath);
        var client = new DialogTestClient("test", SampleDialogs.Intake(), conversationState: new ConversationState(storage));
        await client.SendActivityAsync("hi");
        await client.SendActivityAsync("Ana");

        var stored = (JsonElement)(await storage.ReadAsync([ConversationKey]))[ConversationKey];
        var rootStack = stored.GetProperty("DialogState").GetProperty("dialogStack");
        Assert.Equal(1, rootStack.GetArrayLength());
        Assert.Equal("intake", rootStack[0].GetProperty("id").GetString());

        var innerStack = rootStack[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal("age", innerStack[0].GetProperty("id").GetString());
        Assert.Equal("How old are you?", innerStack[0].GetProperty("state").GetProperty("options").GetProperty("prompt").GetProperty("text").GetString());
        Assert.Equal(0, innerStack[0].GetProperty("state").GetProperty("state").GetProperty("AttemptCount").GetInt32());

        var waterfall = innerStack[1].GetProperty("state");
        Assert.Equal("steps", innerStack[1].GetProperty("id").GetString());
        Assert.Equal(1, waterfall.GetProperty("stepIndex").GetInt32());
        Assert.Equal("Ana", waterfall.GetProperty("values").GetProperty("name").GetString());
        Assert.True(Guid.TryParse(waterfall.GetProperty("instanceId").GetString(), out _));
    }

    [Fact]
    public async Task Values_of_every_kind_survive_a_reload_from_memory_storage()
    {
        var waterfall = new WaterfallDialog("kinds",
        [
            async (step, ct) =>
            {
                step.Values["text"] = "B12";
                step.Values["count"] = 3;
                step.Values["ratio"] = 0.5;
                step.Values["flag"] = true;
                step.Values["list"] = new List<string> { "a", "b" };
                step.Values["map"] = new Dictionary<string, object> { ["dose"] = 1000 };
                await step.Context.SendActivityAsync("saved", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                var text = (string)step.Values["text"];
                var count = Convert.ToInt32(step.Values["count"], System.Globalization.CultureInfo.InvariantCulture);
                var ratio = Convert.ToDouble(step.Values["ratio"], System.Globalization.CultureInfo.InvariantCulture);
                var flag = (bool)step.Values["flag"];
                var list = step.GetValue<List<string>>("list")!;
                var map = step.GetValue<Dictionary<string, int>>("map")!;
                await step.Context.SendActivityAsync($"{text} {count} {ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)} {flag} {string.Join('+', list)} {map["dose"]}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);

        await DialogHarness.Flow(waterfall, storage: new MemoryStorage())
            .Test("go", "saved")
            .Test("next", "B12 3 0.5 True a+b 1000")
            .StartTestAsync();
    }

    [Fact]
    public async Task Step_index_written_as_a_string_by_another_writer_is_read_back()
    {
        var storage = new MemoryStorage();
        var waterfall = new WaterfallDialog("idx",
        [
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step {step.Index}", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step {step.Index}", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
        ]);
        var state = new Dictionary<string, object>
        {
            ["DialogState"] = new DialogState([new DialogInstance("idx", new Dictionary<string, object> { ["stepIndex"] = "1", ["values"] = new Dictionary<string, object>() })]),
        };
        await storage.WriteAsync(new Dictionary<string, object> { [ConversationKey] = state });

        await DialogHarness.Flow(waterfall, storage: storage).Test("continue", "step 2").StartTestAsync();
    }

    [Fact]
    public void Numbers_read_back_from_any_store_become_ints()
    {
        Assert.Equal(2, DialogStateValues.ToInt32(2L));
        Assert.Equal(2, DialogStateValues.ToInt32(2.0));
        Assert.Equal(2, DialogStateValues.ToInt32(JsonSerializer.SerializeToElement(2L)));
        Assert.Equal(2, DialogStateValues.ToInt32(JsonSerializer.SerializeToElement("2")));
        Assert.Equal(0, DialogStateValues.ToInt32(null));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
