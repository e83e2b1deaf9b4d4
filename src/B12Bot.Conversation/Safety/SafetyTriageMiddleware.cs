using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.Schema;
using BotRuntime.State;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// Runs the safety triage on every incoming message (its text and every card submit value) before any dialog runs, in
/// every channel. Emergency, crisis and poisoning get their message, stop any running dialog and end the turn. A
/// possible reaction is left in the turn state for <see cref="MainDialog"/>, which asks the check question on top of
/// whatever dialog is running. A message the rules find nothing in gets the <see cref="SafetyBackstop"/>'s second look
/// by meaning. Only the rule id is logged: the message is health data.
/// </summary>
public sealed partial class SafetyTriageMiddleware : IMiddleware
{
    private const string TurnStateKey = "B12Bot.SafetyTriage";

    private readonly SafetyTriage _triage;
    private readonly SafetyReplies _replies;
    private readonly SafetyBackstop? _backstop;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly ILogger<SafetyTriageMiddleware> _logger;

    /// <param name="backstop">The second look by meaning (null: the rules alone, as in tests of the rules).</param>
    public SafetyTriageMiddleware(SafetyTriage triage, SafetyReplies replies, ConversationState conversationState, ILogger<SafetyTriageMiddleware> logger,
        SafetyBackstop? backstop = null)
    {
        _backstop = backstop;
        _triage = triage ?? throw new ArgumentNullException(nameof(triage));
        _replies = replies ?? throw new ArgumentNullException(nameof(replies));
        ArgumentNullException.ThrowIfNull(conversationState);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _dialogState = conversationState.CreateProperty<DialogState>(B12StateKeys.DialogState);
    }

    /// <summary>The triage of this turn's message (<see cref="TriageResult.None"/> when it was not screened).</summary>
    public static TriageResult ResultOf(ITurnContext turnContext) =>
        turnContext?.TurnState.TryGetValue(TurnStateKey, out var value) == true && value is TriageResult result ? result : TriageResult.None;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) && !activity.IsType(ActivityTypes.Invoke))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = _triage.Screen(activity.Text, activity.Value);
        if (result.IsNone && _backstop is not null)
        {
            // The text the dialogs will read as a question: a card submit's typed text too.
            result = await _backstop.ScreenAsync(MainDialog.MessageText(activity), cancellationToken).ConfigureAwait(false);
        }

        turnContext.TurnState[TurnStateKey] = result;
        switch (result.Class)
        {
            case TriageClass.Emergency or TriageClass.Crisis or TriageClass.Poisoning:
                LogAnswered(_logger, result.Class, result.RuleId ?? "unknown");
                B12BotTelemetry.Escalation(result.Class);
                await turnContext.SendActivitiesAsync([.. _replies.For(result.Class, activity.ChannelId)], cancellationToken).ConfigureAwait(false);
                await _dialogState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
                return;
            case TriageClass.PossibleReaction:
                LogCheckAsked(_logger, result.Class, result.RuleId ?? "unknown");
                B12BotTelemetry.Escalation(result.Class);
                break;
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Safety triage: {TriageClass} (rule {RuleId}); its message was sent and dialogs stopped.")]
    private static partial void LogAnswered(ILogger logger, TriageClass triageClass, string ruleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Safety triage: {TriageClass} (rule {RuleId}); the check question is asked.")]
    private static partial void LogCheckAsked(ILogger logger, TriageClass triageClass, string ruleId);
}
