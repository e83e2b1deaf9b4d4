using System.Text.Json;
using BotRuntime.Storage;
using Npgsql;
using NpgsqlTypes;

namespace BotRuntime.Storage.PostgreSql;

/// <summary>
/// Bot state in one PostgreSQL table, shared by every host instance: the document as jsonb, a version number from one
/// sequence as the eTag (never reused, so an eTag read before a delete cannot match the item written after it), and the
/// time of the last write for the retention sweep. Conditional writes are single statements (an upsert whose update
/// only happens when the version matches), so two instances cannot both win.
/// </summary>
public sealed class PostgreSqlStorage : IStorage, IExpiringStore
{
    private const string ProviderName = "PostgreSQL";

    private readonly NpgsqlDataSource _dataSource;
    private readonly JsonSerializerOptions _options;
    private readonly TimeProvider _time;
    private readonly string _table;
    private readonly string _sequence;
    private readonly OneTimeSetup _schema;

    public PostgreSqlStorage(NpgsqlDataSource dataSource, string table = "bot_state", JsonSerializerOptions? options = null, TimeProvider? timeProvider = null)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        if (string.IsNullOrEmpty(table) || !table.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("The table name may hold only ASCII letters, digits and underscores.", nameof(table));
        }

        _table = table;
        _sequence = table + "_version";
        _options = options ?? StateJson.Default.Options;
        _time = timeProvider ?? TimeProvider.System;
        _schema = new OneTimeSetup(CreateSchemaAsync);
    }

    /// <summary>Makes sure the schema exists: created by the first call in this process, then at no cost.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => _schema.EnsureAsync(cancellationToken);

    /// <summary>Creates the table, its sequence and the sweep's index if they are missing (idempotent; run once per process by EnsureSchemaAsync).</summary>
    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            CREATE SEQUENCE IF NOT EXISTS {_sequence};
            CREATE TABLE IF NOT EXISTS {_table} (
                key text PRIMARY KEY,
                version bigint NOT NULL,
                document jsonb NOT NULL,
                updated_utc timestamptz NOT NULL
            );
            CREATE INDEX IF NOT EXISTS {_table}_updated_utc ON {_table} (updated_utc);
            """);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (PostgreSqlFailures.IsConcurrentSchemaCreation(ex))
        {
            // Another instance created it at the same moment (IF NOT EXISTS is not atomic across sessions).
        }
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return RunAsync(async ct =>
        {
            var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
            if (keys.Length == 0)
            {
                return (IDictionary<string, object>)result;
            }

            await using var command = _dataSource.CreateCommand($"SELECT key, version, document::text FROM {_table} WHERE key = ANY(@keys)");
            command.Parameters.AddWithValue("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, keys);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var document = System.Text.Json.Nodes.JsonNode.Parse(reader.GetString(2));
                StorageDocument.Stamp(document, reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                result[reader.GetString(0)] = StorageDocument.ToElement(document?.ToJsonString() ?? "null");
            }

            return result;
        }, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return RunAsync(async ct =>
        {
            if (changes.Count == 1)
            {
                // A turn saves one item (the conversation's state): one statement, committed on its own, is one round
                // trip and holds the row's lock only while it runs.
                var (key, value) = changes.First();
                await using var single = _dataSource.CreateCommand();
                var newVersion = await WriteItemAsync(single, key, value, ct).ConfigureAwait(false);
                StorageDocument.HandBack(value, newVersion);
                return true;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var handBacks = new List<(object Value, string ETag)>(changes.Count);
            foreach (var (key, value) in changes)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                handBacks.Add((value, await WriteItemAsync(command, key, value, ct).ConfigureAwait(false)));
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            foreach (var (value, eTag) in handBacks)
            {
                StorageDocument.HandBack(value, eTag);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Writes one item with <paramref name="command"/>; returns its new eTag, or throws <see cref="EtagConflictException"/>.</summary>
    private async Task<string> WriteItemAsync(NpgsqlCommand command, string key, object value, CancellationToken cancellationToken)
    {
        var document = StorageDocument.Serialize(value, _options);
        var incoming = StorageDocument.IncomingETag(document);
        if (document is System.Text.Json.Nodes.JsonObject obj)
        {
            // The version column is the eTag; a copy inside the document would only go stale.
            obj.Remove(StorageDocument.ETagProperty);
        }

        command.CommandText = WriteStatement(incoming, out var expectedVersion);
        command.Parameters.AddWithValue("key", NpgsqlDbType.Text, key);
        command.Parameters.AddWithValue("document", NpgsqlDbType.Jsonb, document?.ToJsonString(_options) ?? "null");
        command.Parameters.AddWithValue("updated", NpgsqlDbType.TimestampTz, _time.GetUtcNow().UtcDateTime);
        if (expectedVersion is { } version)
        {
            command.Parameters.AddWithValue("expected", NpgsqlDbType.Bigint, version);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long newVersion
            ? newVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new EtagConflictException(key);
    }

    /// <summary>
    /// One statement per item. Unconditional: a plain upsert. Absent: insert only (ON CONFLICT DO NOTHING returns no row).
    /// Conditional: insert if missing, else update only where the version still matches (no row back = conflict).
    /// </summary>
    private string WriteStatement(string? incoming, out long? expectedVersion)
    {
        expectedVersion = null;
        var insert = $"INSERT INTO {_table} (key, version, document, updated_utc) VALUES (@key, nextval('{_sequence}'), @document, @updated)";
        const string update = "DO UPDATE SET version = excluded.version, document = excluded.document, updated_utc = excluded.updated_utc";
        if (!StorageDocument.IsConditional(incoming))
        {
            return $"{insert} ON CONFLICT (key) {update} RETURNING version";
        }

        if (incoming == StorageDocument.AbsentETag || !long.TryParse(incoming, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            // An eTag this store never issued cannot match a stored item: the write lands only where nothing is stored.
            return $"{insert} ON CONFLICT (key) DO NOTHING RETURNING version";
        }

        expectedVersion = version;
        return $"{insert} ON CONFLICT (key) {update} WHERE {_table}.version = @expected RETURNING version";
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return RunAsync(async ct =>
        {
            await using var command = _dataSource.CreateCommand($"DELETE FROM {_table} WHERE key = ANY(@keys)");
            command.Parameters.AddWithValue("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, keys);
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default) =>
        RunAsync(async ct =>
        {
            await using var command = _dataSource.CreateCommand($"DELETE FROM {_table} WHERE updated_utc < @cutoff");
            command.Parameters.AddWithValue("cutoff", NpgsqlDbType.TimestampTz, idleSince.UtcDateTime);
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Makes sure the schema exists, then runs the call; errors that may pass become <see cref="StorageUnavailableException"/>.</summary>
    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgreSqlFailures.IsTransient(ex))
        {
            throw new StorageUnavailableException(ProviderName, ex);
        }
    }
}
