using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;
using BotRuntime.Testing;

namespace BotRuntime.Dialogs.Tests.Dialogs;

public sealed class DialogEventTests
{
    /// <summary>A component that turns failures of its inner dialogs into an apology, and sees every activity first.</summary>
    private sealed class GuardedDialog : ComponentDialog
    {
        public GuardedDialog()
            : base("guarded")
        {
            AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("n", new PromptOptions { Prompt = Activity.CreateMessageActivity("Pick a number.") }, ct),
                (step, ct) => (int)step.Result! == 13 ? throw new InvalidOperationException("unlucky") : step.EndDialogAsync(step.Result, ct),
            ]));
            AddDialog(new NumberPrompt<int>("n"));
        }

        public List<string> Seen { get; } = [];

        protected override async Task<bool> OnPreBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken)
        {
            if (e.Name == DialogEvents.Error)
            {
                await dc.Context.SendActivityAsync("Sorry, something went wrong with that.", cancellationToken: cancellationToken);
                return true;
            }

            if (e.Name == DialogEvents.ActivityReceived)
            {
                Seen.Add(dc.Context.Activity.Text ?? string.Empty);
            }

            return false;
        }
    }

    [Fact]
    public async Task Error_event_handled_by_a_parent_becomes_a_reply_instead_of_a_failed_turn()
    {
        var adapter = new TestAdapter { OnTurnError = (turn, _) => turn.SendActivityAsync("OnTurnError") };
        await DialogHarness.Flow(new GuardedDialog(), adapter)
            .Test("hi", "Pick a number.")
            .Test("13", "Sorry, something went wrong with that.")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Activity_received_reaches_the_parent_only_when_the_prompt_does_not_recognize_the_answer()
    {
        var guarded = new GuardedDialog();
        await DialogHarness.Flow(guarded)
            .Test("hi", "Pick a number.")
            .Test("what?", "Pick a number.")
            .Send("7")
            .StartTestAsync();

        Assert.Equal(["what?"], guarded.Seen);
    }

    [Fact]
    public void Adding_a_different_dialog_with_a_taken_id_renames_it()
    {
        var set = new DialogSet();
        var first = new TextPrompt("ask");
        var second = new TextPrompt("ask");
        set.Add(first).Add(first).Add(second);

        Assert.Equal("ask", first.Id);
        Assert.Equal("ask2", second.Id);
        Assert.Same(second, set.Find("ask2"));
        Assert.Equal(2, set.GetDialogs().Count());
    }
}
