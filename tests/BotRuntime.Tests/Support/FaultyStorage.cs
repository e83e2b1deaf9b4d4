using BotRuntime.Storage;

namespace BotRuntime.Tests.Support;

/// <summary>A store in front of a real one that can be taken down, made to lose every write, and counts conflicts.</summary>
public sealed class FaultyStorage(IStorage inner) : IStorage
{
    private int _conflicts;

    public bool Down { get; set; }

    public bool EveryWriteConflicts { get; set; }

    public int Conflicts => Volatile.Read(ref _conflicts);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.ReadAsync(keys, cancellationToken);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        try
        {
            if (EveryWriteConflicts)
            {
                throw new EtagConflictException(changes.Keys.First());
            }

            await inner.WriteAsync(changes, cancellationToken);
        }
        catch (EtagConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.DeleteAsync(keys, cancellationToken);
    }

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new StorageUnavailableException("test", new TimeoutException());
        }
    }
}
