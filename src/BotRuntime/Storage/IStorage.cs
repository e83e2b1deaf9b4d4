namespace BotRuntime.Storage;

/// <summary>
/// Key/value storage for bot state, with the SDK's optimistic concurrency: a value that carries an <c>eTag</c>
/// ("*" or none = unconditional) is written only if it matches the stored one, otherwise <see cref="EtagConflictException"/>.
/// Read returns each stored document as a <see cref="System.Text.Json.JsonElement"/> (missing keys are absent).
/// </summary>
public interface IStorage
{
    Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes each value. On success the new eTag is put back into values that can hold it
    /// (an <see cref="IStoreItem"/>, or a dictionary's <c>eTag</c> entry).
    /// </summary>
    Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default);

    Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default);
}

/// <summary>A stored value that takes part in optimistic concurrency.</summary>
public interface IStoreItem
{
    string? ETag { get; set; }
}

/// <summary>A write was refused because the stored item has changed since it was read.</summary>
public sealed class EtagConflictException(string key)
    : InvalidOperationException($"Etag conflict: the item with key '{key}' was changed by another writer.")
{
    public string Key { get; } = key;
}
