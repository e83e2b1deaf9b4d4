using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;
using BotRuntime.Storage;
using BotRuntime.Testing;

namespace BotRuntime.Dialogs.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task Four_prompts_complete_over_four_turns()
    {
        await DialogHarness.Flow(SampleDialogs.Intake())
            .Test("hi", "What is your name?")
            .Test("Ana", "How old are you?")
            .Test("I am thirty two", "When should we call?")
            .Test("in the afternoon please", "May we store this?")
            .Test("yep", "Ana, 32, Afternoon, consent yes.")
            .AssertNoReply()
            .Test("hello again", "What is your name?", "a finished dialog starts over on the next message")
            .StartTestAsync();
    }

    [Fact]
    public async Task Dialog_test_client_reports_waiting_then_complete_with_the_result()
    {
        var client = new DialogTestClient("test", SampleDialogs.Intake());

        Assert.Equal("What is your name?", (await client.SendActivityAsync("hi"))?.Text);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult?.Status);
        await client.SendActivityAsync("Ben");
        await client.SendActivityAsync("40");
        await client.SendActivityAsync("3");
        var summary = await client.SendActivityAsync("no");

        Assert.Equal("Ben, 40, Evening, consent no.", summary?.Text);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
        Assert.Equal("Ben", client.DialogTurnResult?.Result);
        Assert.Null(client.GetNextReply());
    }

    [Fact]
    public async Task Unrecognized_answer_gets_the_retry_prompt_and_the_step_does_not_advance()
    {
        await DialogHarness.Flow(SampleDialogs.Intake())
            .Test("hi", "What is your name?")
            .Test("Ana", "How old are you?")
            .Test("old enough", "Please tell me your age as a number.")
            .AssertNoReply()
            .Test("none of your business", "Please tell me your age as a number.")
            .Test("29", "When should we call?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Prompt_without_retry_prompt_repeats_the_prompt_with_expecting_input()
    {
        await DialogHarness.Flow(SampleDialogs.Intake())
            .Test("hi", "What is your name?")
            .Test("Ana", "How old are you?")
            .Test("29", "When should we call?")
            .Send("whenever suits you")
            .AssertReply(reply =>
            {
                Assert.Equal("When should we call?", reply.Text);
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_message_replaces_the_retry_prompt_and_sees_the_attempt_count()
    {
        var attempts = new List<int>();
        var component = new ComponentDialog("dose");
        component.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("mg", new PromptOptions
            {
                Prompt = Activity.CreateMessageActivity("How many micrograms?"),
                RetryPrompt = Activity.CreateMessageActivity("Retry: how many micrograms?"),
            }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Noted {step.Result} mcg.", cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        component.AddDialog(new NumberPrompt<int>("mg", async (prompt, ct) =>
        {
            attempts.Add(prompt.AttemptCount);
            if (prompt.Recognized.Succeeded && prompt.Recognized.Value > 5000)
            {
                await prompt.Context.SendActivityAsync("That is more than any dose we give. Please check the number.", cancellationToken: ct);
                return false;
            }

            return prompt.Recognized.Succeeded;
        }));

        await DialogHarness.Flow(component)
            .Test("start", "How many micrograms?")
            .Test("10000", "That is more than any dose we give. Please check the number.")
            .AssertNoReply("the validator spoke, so no retry prompt")
            .Test("lots", "Retry: how many micrograms?", "the validator was silent, so the retry prompt is sent")
            .Test("1000", "Noted 1000 mcg.")
            .StartTestAsync();

        Assert.Equal([1, 2, 3], attempts);
    }

    [Fact]
    public async Task Values_persist_and_next_skips_a_step_in_the_same_turn()
    {
        var waterfall = new WaterfallDialog("skip",
        [
            async (step, ct) =>
            {
                step.Values["count"] = 1;
                await step.Context.SendActivityAsync("Step one.", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) =>
            {
                step.Values["count"] = step.GetValue<int>("count") + 1;
                return step.NextAsync($"skipped after '{step.Result}'", ct);
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Step three got {step.Result}, count {step.GetValue<int>("count")}, index {step.Index}, reason {step.Reason}.", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);

        await DialogHarness.Flow(waterfall)
            .Test("go", "Step one.")
            .Test("on", "Step three got skipped after 'on', count 2, index 2, reason NextCalled.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Calling_next_twice_in_one_step_fails_the_turn()
    {
        var waterfall = new WaterfallDialog("twice",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]);
        var adapter = new TestAdapter { OnTurnError = (turn, ex) => turn.SendActivityAsync(ex.GetType().Name) };

        await DialogHarness.Flow(waterfall, adapter).Test("go", nameof(InvalidOperationException)).StartTestAsync();
    }

    [Fact]
    public async Task Replace_dialog_loops_until_the_user_is_done()
    {
        var component = new ComponentDialog("symptoms");
        component.AddDialog(new WaterfallDialog("loop",
        [
            (step, ct) =>
            {
                var soFar = step.GetOptions<List<string>>() ?? [];
                step.Values["soFar"] = soFar;
                return step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessageActivity($"Symptom {soFar.Count + 1}? Say done to finish.") }, ct);
            },
            async (step, ct) =>
            {
                var soFar = step.GetValue<List<string>>("soFar")!;
                var answer = (string)step.Result!;
                if (string.Equals(answer, "done", StringComparison.OrdinalIgnoreCase))
                {
                    await step.Context.SendActivityAsync($"You listed: {string.Join(", ", soFar)}.", cancellationToken: ct);
                    return await step.EndDialogAsync(soFar, ct);
                }

                soFar.Add(answer);
                return await step.ReplaceDialogAsync("loop", soFar, ct);
            },
        ]));
        component.AddDialog(new TextPrompt("text"));
        var client = new DialogTestClient("test", component);

        Assert.Equal("Symptom 1? Say done to finish.", (await client.SendActivityAsync("start"))?.Text);
        Assert.Equal("Symptom 2? Say done to finish.", (await client.SendActivityAsync("tiredness"))?.Text);
        Assert.Equal("Symptom 3? Say done to finish.", (await client.SendActivityAsync("tingling"))?.Text);
        var stack = client.DialogContext!.Stack;
        Assert.Single(stack);
        Assert.Single(DialogStateValues.Get<DialogState>(stack[0].State, ComponentDialog.PersistedDialogState, StateJson.Default)!.DialogStack, i => i.Id == "loop");
        Assert.Equal("You listed: tiredness, tingling.", (await client.SendActivityAsync("done"))?.Text);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
    }

    [Fact]
    public async Task Non_message_activities_do_not_answer_a_step()
    {
        var waterfall = new WaterfallDialog("plain",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Say anything.", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"You said {step.Result}.", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);

        await DialogHarness.Flow(waterfall)
            .Test("hi", "Say anything.")
            .Send(new Activity { Type = ActivityTypes.Typing })
            .AssertNoReply()
            .Send(new Activity { Type = ActivityTypes.Event, Name = "whatever" })
            .AssertNoReply()
            .Test("hello", "You said hello.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Prompt_begun_without_options_fails_clearly()
    {
        var waterfall = new WaterfallDialog("bad", [(step, ct) => step.BeginDialogAsync("name", null, ct)]);
        var component = new ComponentDialog("outer");
        component.AddDialog(waterfall);
        component.AddDialog(new TextPrompt("name"));
        var adapter = new TestAdapter { OnTurnError = (turn, ex) => turn.SendActivityAsync(ex is ArgumentException ? "missing options" : ex.Message) };

        await DialogHarness.Flow(component, adapter).Test("go", "missing options").StartTestAsync();
    }

    [Fact]
    public async Task Beginning_an_unknown_dialog_id_fails_clearly()
    {
        var waterfall = new WaterfallDialog("lost", [(step, ct) => step.BeginDialogAsync("nowhere", null, ct)]);
        var adapter = new TestAdapter { OnTurnError = (turn, ex) => turn.SendActivityAsync(ex.Message) };

        await DialogHarness.Flow(waterfall, adapter).Send("go").AssertReplyContains("'nowhere' was not found").StartTestAsync();
    }
}
