using System.Text.Json;

namespace BotRuntime.Storage;

/// <summary>
/// In-process storage for tests and single-instance development. Values are kept as JSON text, with the time of their
/// last write for the retention sweep.
/// </summary>
public sealed class MemoryStorage(JsonSerializerOptions? options = null, TimeProvider? timeProvider = null) : IStorage, IExpiringStore
{
    private readonly Dictionary<string, (string Json, string ETag, DateTimeOffset Written)> _memory = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions _options = options ?? StateJson.Default.Options;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long _eTag;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        lock (_memory)
        {
            foreach (var key in keys)
            {
                if (_memory.TryGetValue(key, out var stored))
                {
                    result[key] = StorageDocument.ToElement(stored.Json);
                }
            }
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_memory)
        {
            foreach (var (key, value) in changes)
            {
                var document = StorageDocument.Serialize(value, _options);
                var incoming = StorageDocument.IncomingETag(document);
                if (_memory.TryGetValue(key, out var stored) && StorageDocument.IsConditional(incoming) && incoming != stored.ETag)
                {
                    throw new EtagConflictException(key);
                }

                var newETag = (++_eTag).ToString(System.Globalization.CultureInfo.InvariantCulture);
                StorageDocument.Stamp(document, newETag);
                _memory[key] = (document?.ToJsonString(_options) ?? "null", newETag, _time.GetUtcNow());
                StorageDocument.HandBack(value, newETag);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_memory)
        {
            foreach (var key in keys)
            {
                _memory.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        lock (_memory)
        {
            foreach (var (key, stored) in _memory)
            {
                if (stored.Written < idleSince && _memory.Remove(key))
                {
                    removed++;
                }
            }
        }

        return Task.FromResult(removed);
    }
}
