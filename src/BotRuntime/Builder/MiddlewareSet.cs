namespace BotRuntime.Builder;

/// <summary>Runs middleware in registration order around the bot's callback.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public MiddlewareSet Use(IMiddleware middleware)
    {
        _middleware.Add(middleware ?? throw new ArgumentNullException(nameof(middleware)));
        return this;
    }

    public IReadOnlyList<IMiddleware> Items => _middleware;

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
        ReceiveActivityWithStatusAsync(turnContext, (ctx, ct) => next(ct), cancellationToken);

    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken) =>
        RunAsync(turnContext, callback, 0, cancellationToken);

    private Task RunAsync(ITurnContext turnContext, BotCallbackHandler? callback, int index, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback is null ? Task.CompletedTask : callback(turnContext, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, callback, index + 1, ct), cancellationToken);
    }
}
