using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace BotRuntime.Storage.Sqlite;

/// <summary>
/// Open read connections to the state file, each with its lookup statement prepared once. In WAL mode readers never
/// wait for the writer, so a turn's read takes a connection, runs one prepared lookup per key and gives it back.
/// </summary>
internal sealed class SqliteReadConnectionPool(SqliteDatabaseFile file) : IDisposable
{
    /// <summary>Idle connections kept; more are opened under a burst and closed when given back.</summary>
    private static readonly int MaxIdle = Math.Max(8, 2 * Environment.ProcessorCount);

    private readonly ConcurrentBag<Reader> _idle = [];

    /// <summary>How many are in <see cref="_idle"/>, kept here: the bag's own Count locks every thread's part of it.</summary>
    private int _idleCount;
    private bool _disposed;

    /// <summary>The stored document of each key that exists (JSON text).</summary>
    public List<(string Key, string Json)> Read(string[] keys)
    {
        Reader reader;
        if (_idle.TryTake(out var pooled))
        {
            Interlocked.Decrement(ref _idleCount);
            reader = pooled;
        }
        else
        {
            reader = new Reader(file);
        }

        var found = new List<(string, string)>(keys.Length);
        try
        {
            foreach (var key in keys)
            {
                reader.Key.Value = key;
                if (reader.Lookup.ExecuteScalar() is string json)
                {
                    found.Add((key, json));
                }
            }
        }
        catch
        {
            // A connection that failed is not reused.
            reader.Dispose();
            throw;
        }

        if (Volatile.Read(ref _disposed))
        {
            reader.Dispose();
        }
        else if (Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
        }
        else
        {
            _idle.Add(reader);
        }

        return found;
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var reader))
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
        }
    }

    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;

        public Reader(SqliteDatabaseFile file)
        {
            _connection = file.Open();
            Lookup = _connection.CreateCommand();
            Lookup.CommandText = "SELECT document FROM bot_state WHERE key = $key";
            Key = Lookup.Parameters.Add("$key", SqliteType.Text);
        }

        public SqliteCommand Lookup { get; }

        public SqliteParameter Key { get; }

        public void Dispose()
        {
            Lookup.Dispose();
            _connection.Dispose();
        }
    }
}
