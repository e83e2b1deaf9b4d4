using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Teams;
using B12Bot.Conversation.Safety;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// Sits just outside the safety triage. When the triage answered a visitor's message as an emergency, crisis or
/// poisoning during a chat with the team, the clinic thread gets an urgent alert (importance high, Teams notification
/// alert) with the message. The visitor's urgent message is not held up: the alert goes out in the background.
/// </summary>
public sealed partial class HandoffSafetyAlertMiddleware(
    HandoffStateAccessors state,
    HandoffStore store,
    HandoffCoordinator coordinator,
    ILogger<HandoffSafetyAlertMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        await next(cancellationToken).ConfigureAwait(false);
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) || activity.IsTeams())
        {
            return;
        }

        var triage = SafetyTriageMiddleware.ResultOf(turnContext).Class;
        if (triage is not (TriageClass.Emergency or TriageClass.Crisis or TriageClass.Poisoning))
        {
            return;
        }

        var visitor = await state.Visitor.GetAsync(turnContext, () => new VisitorHandoffState(), cancellationToken).ConfigureAwait(false);
        if (visitor?.SessionId is not { } sessionId
            || await store.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false) is not { IsActive: true } session)
        {
            return;
        }

        var effects = HandoffTurnEffects.Of(turnContext);
        if (effects.AlertRaised)
        {
            // This turn is being run again after a state conflict: its first run raised the alert already.
            return;
        }

        effects.AlertRaised = true;
        var text = activity.Text;
        _ = Task.Run(async () =>
        {
            try
            {
                await coordinator.AlertUrgentAsync(session, triage.ToString(), text, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogAlertFailed(session.Id, ex.GetType().Name);
            }
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handoff {SessionId}: the urgent alert could not be posted to the clinic thread ({ExceptionType})")]
    private partial void LogAlertFailed(string sessionId, string exceptionType);
}
