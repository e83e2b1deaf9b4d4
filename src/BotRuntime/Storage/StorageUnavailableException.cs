namespace BotRuntime.Storage;

/// <summary>
/// The store could not be reached or refused to answer for a reason that may pass (network, server restarting, lock
/// timeout). Providers translate their own transient errors into it, so the runtime retries them with backoff and,
/// when they persist, tells the user to try again in a moment instead of failing the turn or resetting the conversation.
/// </summary>
public sealed class StorageUnavailableException(string provider, Exception inner)
    : Exception($"The {provider} state store is unavailable ({inner.GetType().Name}).", inner)
{
    public string Provider { get; } = provider;
}
