using BotRuntime.Builder;

namespace BotRuntime.State;

internal sealed class BotStatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default) =>
        (await state.GetPropertyValueAsync(turnContext, Name, defaultValueFactory, cancellationToken).ConfigureAwait(false))!;

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
        state.SetPropertyValueAsync(turnContext, Name, value, cancellationToken);

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        state.DeletePropertyValueAsync(turnContext, Name, cancellationToken);
}
