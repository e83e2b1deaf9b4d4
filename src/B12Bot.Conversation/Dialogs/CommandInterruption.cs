using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using BotRuntime.Builder;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// The one owner of the whole-message commands (help, cancel, restart, back, "delete my data"): it reads a message's
/// command once per turn and decides whether that command interrupts what is running. The dialogs ask it and answer in
/// their own words: <see cref="MainDialog"/> puts "delete my data" on top of any dialog and answers the other commands
/// when nothing runs; the walkthrough (<see cref="CancelAndHelpDialog"/>) answers them between its questions. A yes/no
/// question (consent, the "delete my data" confirmation) is interrupted only by "delete my data": any other message that
/// is not a yes is its answer. Safety wins over every command: the triage middleware answers an emergency before any
/// dialog runs, <see cref="MainDialog"/> asks the reaction check before any command, and no command interrupts that check.
/// The handoff's chat with a person is not the bot's conversation: its messages, commands included, go to the team.
/// </summary>
public sealed class CommandInterruption(FaqMatcher matcher)
{
    private const string TurnStateKey = "B12Bot.Command";

    private readonly FaqMatcher _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));

    /// <summary>The command the turn's message gives, or null (not a message, or not a command). Read once per turn.</summary>
    public BotCommand? Read(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (turnContext.TurnState.Get<TurnCommand>(TurnStateKey) is { } read && string.Equals(read.Text, activity.Text, StringComparison.Ordinal))
        {
            return read.Command;
        }

        var command = activity.IsType(ActivityTypes.Message) ? _matcher.RecognizeCommand(activity.Text) : null;
        turnContext.TurnState.Set(TurnStateKey, new TurnCommand(activity.Text, command));
        return command;
    }

    /// <summary>
    /// True when the message is "delete my data" and it goes on top of what is running: anything but its own
    /// confirmation and the reaction check (a possible allergic reaction is asked about first; safety wins).
    /// </summary>
    /// <param name="runningDialogId">The dialog running under the main dialog, or null when none is.</param>
    public bool StartsForgetMe(ITurnContext turnContext, string? runningDialogId) =>
        runningDialogId is not (ForgetMeDialog.DialogId or PossibleReactionCheckDialog.DialogId) && Read(turnContext) == BotCommand.ForgetMe;

    /// <summary>The command a message gives when nothing runs: help, cancel, restart or back ("delete my data" has begun its own dialog).</summary>
    public BotCommand? AtTopLevel(ITurnContext turnContext) => Interrupting(Read(turnContext));

    /// <summary>
    /// The command that interrupts a walkthrough question, or null: a valid answer to the question is never a command
    /// ("no" to a question is an answer).
    /// </summary>
    public BotCommand? BetweenWalkthroughSteps(ITurnContext turnContext, bool isAnswerToCurrentStep) =>
        isAnswerToCurrentStep ? null : Interrupting(Read(turnContext));

    /// <summary>
    /// The same decision for a command the matcher's full reading found (the walkthrough reads a non-answer fully to
    /// answer a question asked mid-walkthrough).
    /// </summary>
    public static BotCommand? Interrupting(BotCommand? command) => command is BotCommand.ForgetMe ? null : command;

    /// <summary>This turn's reading: the text it was read from and the command, if any.</summary>
    private sealed record TurnCommand(string? Text, BotCommand? Command);
}
