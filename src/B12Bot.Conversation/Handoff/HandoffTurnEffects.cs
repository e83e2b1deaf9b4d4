using BotRuntime.Builder;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// What this turn has already posted to the clinic channel. When the turn's state save loses to another instance,
/// <c>AutoSaveStateMiddleware</c> runs the turn again on fresh state with the same turn context; this record lives in
/// that context's TurnState, so the rerun finds the request thread already started, the callback already sent, the
/// visitor's message already relayed and the alert already raised, and posts none of them a second time. It is never
/// saved: the next turn starts with an empty one.
/// </summary>
public sealed class HandoffTurnEffects
{
    /// <summary>The session whose request thread this turn started.</summary>
    public string? RequestedSessionId { get; set; }

    public bool CallbackSent { get; set; }

    public bool RelayedToThread { get; set; }

    public bool AlertRaised { get; set; }

    public static HandoffTurnEffects Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<HandoffTurnEffects>() is { } effects)
        {
            return effects;
        }

        effects = new HandoffTurnEffects();
        turnContext.TurnState.Set(effects);
        return effects;
    }
}
