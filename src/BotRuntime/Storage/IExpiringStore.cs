namespace BotRuntime.Storage;

/// <summary>
/// A store whose data can be removed once it has been idle: what the retention sweep calls, so that a conversation is
/// kept no longer than the chat page promises. Every state provider and conversation history store implements it.
/// </summary>
public interface IExpiringStore
{
    /// <summary>Removes everything last written (or, for a history, last used) before <paramref name="idleSince"/>; returns how many items went.</summary>
    Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default);
}
