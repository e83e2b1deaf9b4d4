using BotRuntime.Builder;

namespace BotRuntime.State;

/// <summary>A typed handle on one property of a <see cref="BotState"/>.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
