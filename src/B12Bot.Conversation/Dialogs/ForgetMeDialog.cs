using B12Bot.Conversation.Content;
using BotRuntime.Builder;
using BotRuntime.Dialogs;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// "delete my data": asks for a Yes/No confirmation. Yes stops every dialog, confirms, and marks the turn so that
/// <see cref="Bots.B12DialogBot"/> erases the state and history at its end (nothing is written back after it). Anything
/// else deletes nothing and the dialog underneath (the walkthrough) asks its question again.
/// <see cref="MainDialog"/> begins it on top of whatever is running when <see cref="CommandInterruption"/> says so (not
/// over the reaction check).
/// </summary>
public sealed class ForgetMeDialog(B12Content content) : YesNoQuestionDialog(DialogId)
{
    public const string DialogId = nameof(ForgetMeDialog);

    private const string TurnStateKey = "B12Bot.ForgetMe";

    private readonly B12Content _content = content ?? throw new ArgumentNullException(nameof(content));

    protected override string Question => _content.Messages.ForgetMeQuestion;

    /// <summary>True when the visitor confirmed "delete my data" in this turn.</summary>
    public static bool WasConfirmed(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(TurnStateKey);

    protected override async Task<DialogTurnResult> OnYesAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        dc.Context.TurnState[TurnStateKey] = true;
        await dc.Context.SendActivityAsync(Replies.Message(_content.Messages.ForgetMeDone), cancellationToken).ConfigureAwait(false);
        await dc.CancelAllDialogsAsync(cancelParents: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    protected override async Task<DialogTurnResult> OnAnythingElseAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.Context.SendActivityAsync(Replies.Message(_content.Messages.ForgetMeKept), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
