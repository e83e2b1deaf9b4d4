using B12Bot.Conversation.Content;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Text;
using BotRuntime.Builder;
using BotRuntime.Dialogs;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// The one check question for a possible reaction after an injection ("itchy all over since the shot"): trouble
/// breathing, swelling of the face, lips, tongue or throat, or feeling faint right now? Yes (or unsure) gives the urgent
/// message and stops every dialog; No gives what to watch for and when to call, then the dialog underneath (the
/// walkthrough) asks its question again. An unclear answer is asked again once. <see cref="MainDialog"/> begins it on top of whatever is running.
/// </summary>
public sealed class PossibleReactionCheckDialog : Dialog
{
    public const string DialogId = nameof(PossibleReactionCheckDialog);

    private const string UnclearAnswersKey = "unclear";

    private readonly SafetyReplies _replies;
    private readonly HashSet<string> _yes;
    private readonly HashSet<string> _no;

    public PossibleReactionCheckDialog(B12Content content, SafetyReplies replies)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(content);
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        var check = content.Safety.ReactionCheck;
        _yes = new HashSet<string>(check.YesAnswers.Select(TextNormalizer.Normalize), StringComparer.Ordinal);
        _no = new HashSet<string>(check.NoAnswers.Select(TextNormalizer.Normalize), StringComparer.Ordinal);
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await dc.Context.SendActivityAsync(_replies.ReactionQuestion(), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var answer = TextNormalizer.Normalize(dc.Context.Activity.Text);
        if (_no.Contains(answer))
        {
            await dc.Context.SendActivityAsync(_replies.ReactionWatchFor(), cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (_yes.Contains(answer))
        {
            await dc.Context.SendActivitiesAsync([.. _replies.Urgent(dc.Context.Activity.ChannelId)], cancellationToken).ConfigureAwait(false);
            await dc.CancelAllDialogsAsync(cancelParents: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        // Asked once more; after a second unclear answer the visitor is not kept in the check: they get what to watch
        // for and when to call (the same text as after "No"), and can go on.
        var state = dc.ActiveDialog!.State;
        if (state.TryGetValue(UnclearAnswersKey, out var unclear) && DialogStateValues.ToInt32(unclear) >= 1)
        {
            await dc.Context.SendActivityAsync(_replies.ReactionWatchFor(), cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        state[UnclearAnswersKey] = 1;
        await dc.Context.SendActivityAsync(_replies.ReactionRetry(), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await turnContext.SendActivityAsync(_replies.ReactionQuestion(), cancellationToken).ConfigureAwait(false);
    }
}
