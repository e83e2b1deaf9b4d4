using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using BotRuntime.Dialogs;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// The interruption base, like CoreBot's CancelAndHelpDialog: before the inner dialog sees a message, a command that
/// <see cref="CommandInterruption"/> says interrupts the step (help, cancel, restart, back) is answered here, and a
/// question that is not an answer to the current step gets its FAQ answer, after which the current question is asked again.
/// </summary>
public abstract class CancelAndHelpDialog : ComponentDialog
{
    /// <param name="commands">The owner of commands (one is made from <paramref name="matcher"/> when not given).</param>
    protected CancelAndHelpDialog(string dialogId, FaqMatcher matcher, B12Content content, CommandInterruption? commands = null)
        : base(dialogId)
    {
        Matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        Content = content ?? throw new ArgumentNullException(nameof(content));
        Commands = commands ?? new CommandInterruption(matcher);
    }

    protected FaqMatcher Matcher { get; }

    protected CommandInterruption Commands { get; }

    protected B12Content Content { get; }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return await InterruptAsync(innerDc, cancellationToken).ConfigureAwait(false)
               ?? await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the message is a valid answer to the step being asked (such answers are never interruptions).</summary>
    protected abstract bool IsAnswerToCurrentStep(DialogContext innerDc, string text);

    protected virtual async Task<DialogTurnResult> OnHelpAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await innerDc.Context.SendActivityAsync(Replies.Message(Content.Messages.Help), cancellationToken).ConfigureAwait(false);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    protected virtual async Task<DialogTurnResult> OnCancelAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await innerDc.Context.SendActivityAsync(Replies.Message(Content.Messages.NothingToCancel, MainTopicTitles()), cancellationToken).ConfigureAwait(false);
        return await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
    }

    protected virtual Task<DialogTurnResult> OnRestartAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        OnCancelAsync(innerDc, cancellationToken);

    protected virtual async Task<DialogTurnResult> OnBackAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await innerDc.Context.SendActivityAsync(Replies.Message(Content.Messages.NothingToGoBackTo), cancellationToken).ConfigureAwait(false);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>Answers a question asked mid-dialog, then asks the current step again.</summary>
    protected virtual async Task<DialogTurnResult> OnQuestionAsync(DialogContext innerDc, FaqEntry entry, CancellationToken cancellationToken)
    {
        await innerDc.Context.SendActivityAsync(Replies.Message(entry.Answer), cancellationToken).ConfigureAwait(false);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>The main topics' titles plus the walkthrough, as quick replies.</summary>
    protected IReadOnlyList<string> MainTopicTitles() => Content.MainTopicTitles;

    private async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var activity = innerDc.Context.Activity;
        if (!activity.IsType(ActivityTypes.Message) || string.IsNullOrWhiteSpace(activity.Text))
        {
            return null;
        }

        var isAnswer = IsAnswerToCurrentStep(innerDc, activity.Text);
        if (Commands.BetweenWalkthroughSteps(innerDc.Context, isAnswer) is { } command)
        {
            return await OnCommandAsync(innerDc, command, cancellationToken).ConfigureAwait(false);
        }

        if (isAnswer)
        {
            return null;
        }

        var match = await Matcher.MatchAsync(activity.Text, cancellationToken).ConfigureAwait(false);
        return match switch
        {
            { Kind: FaqMatchKind.Command } when CommandInterruption.Interrupting(match.Command) is { } read =>
                await OnCommandAsync(innerDc, read, cancellationToken).ConfigureAwait(false),
            { Kind: FaqMatchKind.Answer, Entry: { } entry } => await OnQuestionAsync(innerDc, entry, cancellationToken).ConfigureAwait(false),
            _ => null, // not a command or a question: the step's own retry handles it
        };
    }

    private Task<DialogTurnResult> OnCommandAsync(DialogContext innerDc, BotCommand command, CancellationToken cancellationToken) => command switch
    {
        BotCommand.Help => OnHelpAsync(innerDc, cancellationToken),
        BotCommand.Cancel => OnCancelAsync(innerDc, cancellationToken),
        BotCommand.Restart => OnRestartAsync(innerDc, cancellationToken),
        _ => OnBackAsync(innerDc, cancellationToken),
    };
}
