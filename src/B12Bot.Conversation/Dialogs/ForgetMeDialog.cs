using B12Bot.Conversation.Content;
using BotRuntime.Builder;
using BotRuntime.Dialogs;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// "delete my data": asks for a Yes/No confirmation. Yes stops every dialog, confirms, and marks the turn so that
/// <see cref="Bots.B12DialogBot"/> erases the state and history at its end (nothing is written back after it). Anything
/// else deletes nothing and the dialog underneath (the walkthrough) asks its question again.
/// <see cref="MainDialog"/> begins it on top of whatever is running.
/// </summary>
public sealed class ForgetMeDialog(B12Content content) : Dialog(DialogId)
{
    public const string DialogId = nameof(ForgetMeDialog);

    private const string TurnStateKey = "B12Bot.ForgetMe";

    private readonly B12Content _content = content ?? throw new ArgumentNullException(nameof(content));

    /// <summary>True when the visitor confirmed "delete my data" in this turn.</summary>
    public static bool WasConfirmed(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(TurnStateKey);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await dc.Context.SendActivityAsync(Replies.Message(_content.Messages.ForgetMeQuestion, YesNoAnswer.Buttons), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (YesNoAnswer.Read(dc.Context.Activity.Text) == true)
        {
            dc.Context.TurnState[TurnStateKey] = true;
            await dc.Context.SendActivityAsync(Replies.Message(_content.Messages.ForgetMeDone), cancellationToken).ConfigureAwait(false);
            await dc.CancelAllDialogsAsync(cancelParents: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        await dc.Context.SendActivityAsync(Replies.Message(_content.Messages.ForgetMeKept), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(Replies.Message(_content.Messages.ForgetMeQuestion, YesNoAnswer.Buttons), cancellationToken);
}
