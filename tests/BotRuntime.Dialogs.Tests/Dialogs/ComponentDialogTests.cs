using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;
using BotRuntime.Testing;

namespace BotRuntime.Dialogs.Tests.Dialogs;

public sealed class ComponentDialogTests
{
    private sealed class Tracker
    {
        public List<string> Ended { get; } = [];
    }

    private sealed class TrackedBooking(Tracker tracker) : CancelAndHelpDialog("booking")
    {
        protected override Task OnEndDialogAsync(Builder.ITurnContext context, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            tracker.Ended.Add($"booking:{reason}");
            return Task.CompletedTask;
        }
    }

    /// <summary>Main (component) → waterfall → booking (cancel-and-help component) → waterfall with a text and a number prompt.</summary>
    private static ComponentDialog MainDialog(Tracker? tracker = null)
    {
        var booking = tracker is null ? new CancelAndHelpDialog("booking") : new TrackedBooking(tracker);
        booking.AddDialog(new WaterfallDialog("bookingSteps",
        [
            (step, ct) => step.PromptAsync("clinic", new PromptOptions { Prompt = Activity.CreateMessageActivity("Which clinic?") }, ct),
            (step, ct) =>
            {
                step.Values["clinic"] = step.Result!;
                return step.PromptAsync("week", new PromptOptions { Prompt = Activity.CreateMessageActivity("In how many weeks?") }, ct);
            },
            (step, ct) => step.EndDialogAsync($"{step.Values["clinic"]} in {step.Result} weeks", ct),
        ]));
        booking.AddDialog(new TextPrompt("clinic"));
        booking.AddDialog(new NumberPrompt<int>("week"));

        var main = new ComponentDialog("main");
        main.AddDialog(new WaterfallDialog("mainSteps",
        [
            (step, ct) => step.BeginDialogAsync("booking", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(step.Result is string booked ? $"Booked: {booked}." : "Nothing booked.", cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        main.AddDialog(booking);
        return main;
    }

    [Fact]
    public async Task Nested_component_completes_and_its_parent_resumes_with_the_result()
    {
        await DialogHarness.Flow(MainDialog())
            .Test("book", "Which clinic?")
            .Test("North", "In how many weeks?")
            .Test("two", "Booked: North in 2 weeks.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_inside_the_nested_component_answers_and_the_prompt_stays_active()
    {
        await DialogHarness.Flow(MainDialog())
            .Test("book", "Which clinic?")
            .Test("North", "In how many weeks?")
            .Test("help", CancelAndHelpDialog.HelpText)
            .AssertNoReply("help does not re-ask or advance")
            .Test("?", CancelAndHelpDialog.HelpText)
            .Test("3", "Booked: North in 3 weeks.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_inside_the_nested_component_ends_it_and_the_parent_continues_with_no_result()
    {
        var tracker = new Tracker();
        await DialogHarness.Flow(MainDialog(tracker))
            .Test("book", "Which clinic?")
            .Test("North", "In how many weeks?")
            .Send("cancel")
            .AssertReply(CancelAndHelpDialog.CancelText)
            .AssertReply("Nothing booked.")
            .AssertNoReply()
            .Test("book again", "Which clinic?", "the conversation starts over after the cancel")
            .StartTestAsync();

        Assert.Equal(["booking:EndCalled"], tracker.Ended);
    }

    [Fact]
    public async Task Cancelling_all_dialogs_from_the_root_cancels_the_inner_stacks_too()
    {
        var tracker = new Tracker();
        var main = MainDialog(tracker);
        var client = new DialogTestClient("test", main);
        await client.SendActivityAsync("book");

        await client.Adapter.ProcessActivityAsync(client.Adapter.MakeActivity("ignored"), async (turn, ct) =>
        {
            var set = new DialogSet(client.ConversationState.CreateProperty<DialogState>(DialogTestClient.DialogStateProperty));
            set.Add(main);
            var dc = await set.CreateContextAsync(turn, ct);
            var result = await dc.CancelAllDialogsAsync(ct);
            Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
            Assert.Empty(dc.Stack);
        });

        Assert.Equal(["booking:CancelCalled"], tracker.Ended);
        Assert.Equal("Which clinic?", (await client.SendActivityAsync("book"))?.Text);
    }

    [Fact]
    public async Task A_dialog_begun_on_the_outer_stack_reprompts_the_component_when_it_ends()
    {
        var inner = new ComponentDialog("askName");
        inner.AddDialog(new TextPrompt("name"));
        inner.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("name", new PromptOptions { Prompt = Activity.CreateMessageActivity("Your name?") }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));
        inner.InitialDialogId = "steps";
        var notice = new WaterfallDialog("notice",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Clinic notice: we close at 5 today.", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var waterfall = new WaterfallDialog("root",
        [
            (step, ct) => step.BeginDialogAsync("askName", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Hello {step.Result}.", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var root = new ComponentDialog("rootComponent");
        root.AddDialog(waterfall);
        root.AddDialog(inner);
        root.AddDialog(notice);
        var client = new DialogTestClient("test", root);

        Assert.Equal("Your name?", (await client.SendActivityAsync("hi"))?.Text);

        // Push a dialog on top of the component (as an interruption would) and let it end.
        await client.Adapter.ProcessActivityAsync(client.Adapter.MakeActivity("news?"), async (turn, ct) =>
        {
            var set = new DialogSet(client.ConversationState.CreateProperty<DialogState>(DialogTestClient.DialogStateProperty));
            set.Add(root);
            var outer = (await set.CreateContextAsync(turn, ct)).Child!;
            await outer.BeginDialogAsync("notice", null, ct);
            await client.ConversationState.SaveChangesAsync(turn, cancellationToken: ct);
        });

        Assert.Equal("Clinic notice: we close at 5 today.", client.GetNextReply()?.Text);
        Assert.Equal("Your name?", client.GetNextReply()?.Text);
        Assert.Equal("Hello Ada.", (await client.SendActivityAsync("Ada"))?.Text);
    }
}
