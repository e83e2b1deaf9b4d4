using B12Bot.Conversation.Privacy;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Builder;
using BotRuntime.Schema;
using IMiddleware = BotRuntime.Builder.IMiddleware;

namespace B12Bot.Transcripts;

/// <summary>
/// When the clinic opts in (Transcript:Enabled), keeps each visitor message after its turn, redacted, with how it was
/// handled: a question outcome (answered, clarified, out of scope, not understood...), an escalation class, or
/// "dialog" for answers inside the walkthrough. A confirmed "delete my data" keeps nothing of its turn.
/// </summary>
public sealed partial class TranscriptMiddleware(ITranscriptStore store, ILogger<TranscriptMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        await next(cancellationToken).ConfigureAwait(false);
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) || string.IsNullOrWhiteSpace(activity.Text)
            || activity.ChannelId is null || activity.Conversation?.Id is null
            || Conversation.Dialogs.ForgetMeDialog.WasConfirmed(turnContext))
        {
            return;
        }

        var triage = SafetyTriageMiddleware.ResultOf(turnContext).Class;
        var outcome = triage is TriageClass.None ? B12BotTelemetry.QuestionOutcomeOf(turnContext) ?? "dialog" : B12BotTelemetry.ClassName(triage);
        try
        {
            await store.AddAsync(activity.ChannelId, activity.Conversation.Id, TranscriptRedactor.Redact(activity.Text), outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The visitor has their answer; a transcript that cannot be written is logged, never a failed turn.
            LogWriteFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The transcript could not be written ({ExceptionType})")]
    private partial void LogWriteFailed(string exceptionType);
}
