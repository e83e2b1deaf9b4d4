namespace BotRuntime.Builder;

/// <summary>Middleware from a lambda, for small cross-cutting steps and tests.</summary>
public sealed class AnonymousMiddleware(Func<ITurnContext, NextDelegate, CancellationToken, Task> onTurn) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
        onTurn(turnContext, next, cancellationToken);
}
