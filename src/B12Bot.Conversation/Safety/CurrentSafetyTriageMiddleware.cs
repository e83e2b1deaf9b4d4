using B12Bot.Conversation.Content;
using BotRuntime.Builder;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// The safety triage in the turn pipeline: the <see cref="SafetyTriageMiddleware"/> of this turn's content snapshot, so
/// edited safety rules apply from the next turn and the triage and the dialogs of one turn read the same content.
/// </summary>
public sealed class CurrentSafetyTriageMiddleware(B12ContentSource source) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
        source.For(turnContext).TriageMiddleware.OnTurnAsync(turnContext, next, cancellationToken);
}
