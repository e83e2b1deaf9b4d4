using BotRuntime.Storage;
using BotRuntime.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace B12Bot.Transcripts;

/// <summary>
/// The opt-in transcript in a PostgreSQL table (Transcript:PostgreSqlTable) of the state database, shared by every
/// instance (BotState:Provider PostgreSql): each instance adds its visitors' messages, and the unanswered-question
/// report reads them all.
/// </summary>
public sealed class PostgreSqlTranscriptStore : ITranscriptStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly TimeSpan? _retention;
    private readonly TimeProvider _time;
    private readonly OneTimeSetup _schema;

    public PostgreSqlTranscriptStore(NpgsqlDataSource dataSource, string table, TimeSpan? retention, TimeProvider time)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        if (string.IsNullOrEmpty(table) || table.Length > 50 || !table.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("The transcript table name may hold only ASCII letters, digits and underscores (at most 50).", nameof(table));
        }

        _table = table;
        _retention = retention;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _schema = new OneTimeSetup(CreateSchemaAsync);
    }

    public async Task AddAsync(string channelId, string conversationId, string redactedText, string outcome, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"INSERT INTO {_table} (conversation_hash, time_utc, text, outcome) VALUES (@c, @t, @x, @o)");
        command.Parameters.AddWithValue("c", TranscriptRecords.ConversationHash(channelId, conversationId));
        command.Parameters.AddWithValue("t", NpgsqlDbType.TimestampTz, _time.GetUtcNow().UtcDateTime);
        command.Parameters.AddWithValue("x", redactedText);
        command.Parameters.AddWithValue("o", outcome);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(IReadOnlyCollection<string> outcomes, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            $"SELECT time_utc, text, outcome FROM {_table} WHERE outcome = ANY(@o) ORDER BY time_utc DESC, id DESC LIMIT {ITranscriptStore.MaxEntriesRead}");
        command.Parameters.AddWithValue("o", outcomes.ToArray());
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TranscriptEntry(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetString(1), reader.GetString(2)));
        }

        entries.Reverse();
        return entries;
    }

    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_table} WHERE time_utc < @cutoff");
        command.Parameters.AddWithValue("cutoff", NpgsqlDbType.TimestampTz, TranscriptRecords.Cutoff(_retention, _time, idleSince).UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_table} WHERE conversation_hash = @c");
        command.Parameters.AddWithValue("c", TranscriptRecords.ConversationHash(channelId, conversationId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    /// <summary>Creates the table and its indexes if they are missing (idempotent; run once per process).</summary>
    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            CREATE TABLE IF NOT EXISTS {_table} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                conversation_hash text NOT NULL,
                time_utc timestamptz NOT NULL,
                text text NOT NULL,
                outcome text NOT NULL
            );
            CREATE INDEX IF NOT EXISTS {_table}_time_utc ON {_table} (time_utc);
            CREATE INDEX IF NOT EXISTS {_table}_conversation ON {_table} (conversation_hash);
            CREATE INDEX IF NOT EXISTS {_table}_outcome_time ON {_table} (outcome, time_utc);
            """);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (PostgreSqlFailures.IsConcurrentSchemaCreation(ex))
        {
            // Another instance created it at the same moment.
        }
    }
}
