namespace BotRuntime.Storage;

/// <summary>
/// A store that knows better than one read whether it can serve turns (SQLite: reads go on while another process keeps
/// the file locked for writing). <see cref="StorageHealthCheck"/> calls it instead of its read.
/// </summary>
public interface IStorageReadinessProbe
{
    /// <summary>Completes when the store can serve a turn; throws (e.g. <see cref="StorageUnavailableException"/>) otherwise.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
