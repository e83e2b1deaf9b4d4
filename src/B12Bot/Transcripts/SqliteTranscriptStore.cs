using BotRuntime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace B12Bot.Transcripts;

/// <summary>The opt-in transcript in its own SQLite file, on one instance (BotState:Provider Sqlite or Memory).</summary>
public sealed class SqliteTranscriptStore : ITranscriptStore
{
    private readonly SqliteDatabaseFile _file;
    private readonly TimeSpan? _retention;
    private readonly TimeProvider _time;

    public SqliteTranscriptStore(string databasePath, TimeSpan? retention, TimeProvider time)
    {
        _file = new SqliteDatabaseFile(databasePath);
        _retention = retention;
        _time = time;
        _file.Initialize("""
            CREATE TABLE IF NOT EXISTS transcript (
                conversation_hash TEXT NOT NULL,
                time_ticks INTEGER NOT NULL,
                text TEXT NOT NULL,
                outcome TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS transcript_time ON transcript (time_ticks);
            CREATE INDEX IF NOT EXISTS transcript_conversation ON transcript (conversation_hash);
            """);
    }

    public async Task AddAsync(string channelId, string conversationId, string redactedText, string outcome, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO transcript (conversation_hash, time_ticks, text, outcome) VALUES ($c, $t, $x, $o)";
        command.Parameters.AddWithValue("$c", TranscriptRecords.ConversationHash(channelId, conversationId));
        command.Parameters.AddWithValue("$t", _time.GetUtcNow().UtcTicks);
        command.Parameters.AddWithValue("$x", redactedText);
        command.Parameters.AddWithValue("$o", outcome);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(IReadOnlyCollection<string> outcomes, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = outcomes.Select((_, i) => "$o" + i).ToArray();
        command.CommandText = $"SELECT time_ticks, text, outcome FROM transcript WHERE outcome IN ({string.Join(',', names)}) ORDER BY time_ticks DESC, rowid DESC LIMIT {ITranscriptStore.MaxEntriesRead}";
        var index = 0;
        foreach (var outcome in outcomes)
        {
            command.Parameters.AddWithValue(names[index++], outcome);
        }

        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TranscriptEntry(new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), reader.GetString(1), reader.GetString(2)));
        }

        entries.Reverse();
        return entries;
    }

    /// <summary>Removes messages older than the transcript's own retention, or idle since <paramref name="idleSince"/> without one.</summary>
    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        var cutoff = TranscriptRecords.Cutoff(_retention, _time, idleSince);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM transcript WHERE time_ticks < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM transcript WHERE conversation_hash = $c";
        command.Parameters.AddWithValue("$c", TranscriptRecords.ConversationHash(channelId, conversationId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);
}
