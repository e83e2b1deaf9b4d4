using BotRuntime.Builder;
using BotRuntime.Dialogs;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// One Yes/No question, answered in the next turn: the question goes out with Yes and No buttons; a yes ("yes", "yep",
/// the button) runs <see cref="OnYesAsync"/>, anything else <see cref="OnAnythingElseAsync"/>, so the visitor is never
/// asked twice. Re-prompting asks the question again.
/// </summary>
public abstract class YesNoQuestionDialog(string dialogId) : Dialog(dialogId)
{
    /// <summary>The question, from the reviewed content.</summary>
    protected abstract string Question { get; }

    protected abstract Task<DialogTurnResult> OnYesAsync(DialogContext dc, CancellationToken cancellationToken);

    protected abstract Task<DialogTurnResult> OnAnythingElseAsync(DialogContext dc, CancellationToken cancellationToken);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await AskAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return YesNoAnswer.Read(dc.Context.Activity.Text) == true
            ? OnYesAsync(dc, cancellationToken)
            : OnAnythingElseAsync(dc, cancellationToken);
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        AskAsync(turnContext, cancellationToken);

    /// <summary>
    /// Back on top after a dialog that interrupted it ("delete my data" over the consent question, the reaction check
    /// over the "delete my data" confirmation): the question is asked again and still waits for its answer.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await AskAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private Task AskAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Replies.Message(Question, YesNoAnswer.Buttons), cancellationToken);
}
