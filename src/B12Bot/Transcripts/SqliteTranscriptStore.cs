using System.Security.Cryptography;
using System.Text;
using BotRuntime.Storage;
using BotRuntime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace B12Bot.Transcripts;

/// <summary>One visitor message as the transcript keeps it: already redacted, with how the bot handled it.</summary>
public sealed record TranscriptEntry(DateTimeOffset Time, string Text, string Outcome);

/// <summary>
/// The opt-in transcript in its own SQLite file: redacted visitor messages with their outcome, keyed by a hash of the
/// channel and conversation (ids are not kept), removed by the retention sweep (<see cref="IExpiringStore"/>) and by
/// "delete my data" (<see cref="IConversationDataStore"/>).
/// </summary>
public sealed class SqliteTranscriptStore : IExpiringStore, IConversationDataStore
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
        command.Parameters.AddWithValue("$c", ConversationHash(channelId, conversationId));
        command.Parameters.AddWithValue("$t", _time.GetUtcNow().UtcTicks);
        command.Parameters.AddWithValue("$x", redactedText);
        command.Parameters.AddWithValue("$o", outcome);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The kept messages with one of <paramref name="outcomes"/>, oldest first.</summary>
    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(IReadOnlyCollection<string> outcomes, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = outcomes.Select((_, i) => "$o" + i).ToArray();
        command.CommandText = $"SELECT time_ticks, text, outcome FROM transcript WHERE outcome IN ({string.Join(',', names)}) ORDER BY time_ticks";
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

        return entries;
    }

    /// <summary>Removes messages older than the transcript's own retention, or idle since <paramref name="idleSince"/> without one.</summary>
    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        var cutoff = _retention is { } retention ? _time.GetUtcNow() - retention : idleSince;
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
        command.Parameters.AddWithValue("$c", ConversationHash(channelId, conversationId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ConversationHash(string channelId, string conversationId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + conversationId)));

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);
}
