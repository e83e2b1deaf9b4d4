using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.Schema;
using BotRuntime.Teams;
using B12Bot.Conversation.Safety;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// The visitor's side of the handoff, after the safety triage (so an emergency has already been answered and never
/// reaches here) and before the B12 dialogs. During a chat with the team, each message goes to the clinic thread
/// ("end chat" leaves); the handoff and callback dialogs continue while open; "talk to a person" starts the handoff
/// dialog. Other messages are kept (the last few, for sharing with consent) and go on to the bot.
/// </summary>
public sealed partial class HandoffVisitorMiddleware(
    HandoffStateAccessors state,
    HandoffStore store,
    HandoffCoordinator coordinator,
    HandoffRequestRecognizer recognizer,
    HandoffOffer offer,
    HandoffDialog handoffDialog,
    CallbackDialog callbackDialog,
    HandoffOptions options,
    ILogger<HandoffVisitorMiddleware> logger) : IMiddleware
{
    private const int MaxKeptLength = 500;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) || activity.IsTeams())
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var visitor = (await state.Visitor.GetAsync(turnContext, () => new VisitorHandoffState(), cancellationToken).ConfigureAwait(false))!;
        var text = activity.Text?.Trim();
        if (visitor.SessionId is { } sessionId)
        {
            var session = await store.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (session is { IsActive: true })
            {
                await InChatAsync(turnContext, session, visitor, text, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (session?.Status == HandoffStatus.CallbackOffered && await DialogsActiveAsync(turnContext, cancellationToken).ConfigureAwait(false) is false)
            {
                if (recognizer.IsCallbackChoice(turnContext, text))
                {
                    var dc = await CreateDialogContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
                    await dc.BeginDialogAsync(CallbackDialog.DialogId, new CallbackDialog.Options(session.Id), cancellationToken).ConfigureAwait(false);
                    visitor.SessionId = null;
                    return;
                }

                await coordinator.CloseAsync(session, cancellationToken).ConfigureAwait(false);
            }

            if (session is null || session.Status != HandoffStatus.CallbackOffered)
            {
                visitor.SessionId = null;
            }
        }

        var dialogs = await CreateDialogContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (dialogs.ActiveDialog is not null)
        {
            await dialogs.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (recognizer.IsRequest(turnContext, text))
        {
            LogRequest();
            await dialogs.BeginDialogAsync(HandoffDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await CanShareAsync(cancellationToken).ConfigureAwait(false))
        {
            Keep(visitor, text);
        }

        if (options.Enabled)
        {
            offer.Watch(turnContext, visitor);
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    private async Task InChatAsync(ITurnContext turnContext, HandoffSession session, VisitorHandoffState visitor, string? text, CancellationToken cancellationToken)
    {
        if (recognizer.IsEnd(turnContext, text))
        {
            await coordinator.EndAsync(session.Id, byStaff: false, cancellationToken).ConfigureAwait(false);
            visitor.SessionId = null;
            await turnContext.SendActivityAsync(Dialogs.Replies.Message(coordinator.Texts.Get(turnContext, HandoffContent.VisitorEnded)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        // A possible reaction is flagged to the team (high importance) rather than answered by the bot's check question.
        var flagged = SafetyTriageMiddleware.ResultOf(turnContext).Class == TriageClass.PossibleReaction;
        var effects = HandoffTurnEffects.Of(turnContext);
        if (!effects.RelayedToThread)
        {
            // Once per turn, also when the turn is run again after a state conflict.
            await coordinator.RelayToThreadAsync(session, text, flagged, cancellationToken).ConfigureAwait(false);
            effects.RelayedToThread = true;
        }
        if (session.Status == HandoffStatus.Waiting)
        {
            await turnContext.SendActivityAsync(Dialogs.Replies.Message(coordinator.Texts.Get(turnContext, HandoffContent.StillWaiting)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> DialogsActiveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await CreateDialogContextAsync(turnContext, cancellationToken).ConfigureAwait(false)).ActiveDialog is not null;

    private Task<DialogContext> CreateDialogContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var set = new DialogSet(state.Dialogs);
        set.Add(handoffDialog);
        set.Add(callbackDialog);
        return set.CreateContextAsync(turnContext, cancellationToken);
    }

    /// <summary>
    /// Whether a handoff card could carry the recent messages: only then are they kept. Keeping them changes the
    /// conversation state, so every turn would wait for a state write; without a handoff (disabled, or the bot not yet
    /// in the clinic's team) that write would buy nothing.
    /// </summary>
    private async ValueTask<bool> CanShareAsync(CancellationToken cancellationToken) =>
        options.Enabled && options.RecentMessages > 0 && await store.IsClinicChannelKnownAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The visitor's last few messages, to share on the card only if they agree.</summary>
    private void Keep(VisitorHandoffState visitor, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        visitor.RecentMessages.Add(text.Length <= MaxKeptLength ? text : text[..MaxKeptLength]);
        if (visitor.RecentMessages.Count > options.RecentMessages)
        {
            visitor.RecentMessages.RemoveRange(0, visitor.RecentMessages.Count - options.RecentMessages);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A visitor asked to talk to a person")]
    private partial void LogRequest();
}
