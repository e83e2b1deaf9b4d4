namespace BotRuntime.Builder;

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>One layer of the turn pipeline. Call <c>next</c> to run the rest of the onion; skip it to end the turn here.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
