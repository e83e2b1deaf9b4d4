using Polly;

namespace BotRuntime.Storage;

/// <summary>
/// Runs every call of a provider through the storage resilience pipeline: a <see cref="StorageUnavailableException"/>
/// is retried with backoff; an eTag conflict is never retried here (the turn is rerun on fresh state instead).
/// </summary>
public sealed class ResilientStorage(IStorage inner, ResiliencePipeline pipeline) : IStorage, IExpiringStore
{
    public IStorage Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        pipeline.ExecuteAsync(static (state, ct) => new ValueTask<IDictionary<string, object>>(state.Inner.ReadAsync(state.keys, ct)), (Inner, keys), cancellationToken).AsTask();

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
        pipeline.ExecuteAsync(static (state, ct) => new ValueTask(state.Inner.WriteAsync(state.changes, ct)), (Inner, changes), cancellationToken).AsTask();

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        pipeline.ExecuteAsync(static (state, ct) => new ValueTask(state.Inner.DeleteAsync(state.keys, ct)), (Inner, keys), cancellationToken).AsTask();

    public Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default) =>
        Inner is IExpiringStore expiring ? expiring.RemoveIdleAsync(idleSince, cancellationToken) : Task.FromResult(0);
}
