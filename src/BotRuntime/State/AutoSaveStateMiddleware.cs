using BotRuntime.Builder;

namespace BotRuntime.State;

/// <summary>Saves the given states at the end of every turn (only those that changed are written).</summary>
public sealed class AutoSaveStateMiddleware(params BotState[] botStates) : IMiddleware
{
    public IReadOnlyList<BotState> BotStates { get; } = botStates;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        await next(cancellationToken).ConfigureAwait(false);
        foreach (var state in BotStates)
        {
            await state.SaveChangesAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
