using System.Text.Json;
using BotRuntime.Schema;
using BotRuntime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BotRuntime.AspNetCore.DirectLine.History;

/// <summary>
/// Conversations and their activities in one SQLite file (WAL mode), so a page reload after a restart resumes the
/// conversation (with a configured token signing key, so that the page's token still validates). Bounded like the
/// in-memory store: idle conversations are deleted, the least recently active one makes room at the limit, and each
/// conversation keeps its newest activities (by count and by bytes). Appends run in an immediate transaction, so sequences never collide.
/// </summary>
public sealed class SqliteConversationHistoryStore : IConversationHistoryStore, BotRuntime.Storage.IExpiringStore, BotRuntime.Storage.IConversationDataStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly SqliteDatabaseFile _file;
    private readonly DirectLineHistoryOptions _options;
    private readonly TimeProvider _time;
    private long _nextSweepTicks;

    public SqliteConversationHistoryStore(string databasePath, DirectLineHistoryOptions options, TimeProvider time)
    {
        _file = new SqliteDatabaseFile(databasePath);
        _options = options;
        _time = time;
        Initialize();
    }

    private void Initialize()
    {
        _file.Initialize("""
            CREATE TABLE IF NOT EXISTS directline_conversations (
                id TEXT NOT NULL PRIMARY KEY,
                user_id TEXT NOT NULL,
                user_name TEXT NULL,
                locale TEXT NULL,
                created_ticks INTEGER NOT NULL,
                last_active_ticks INTEGER NOT NULL,
                last_sequence INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS directline_conversations_last_active ON directline_conversations (last_active_ticks);
            CREATE TABLE IF NOT EXISTS directline_activities (
                conversation_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                id TEXT NOT NULL,
                json BLOB NOT NULL,
                PRIMARY KEY (conversation_id, sequence)
            ) WITHOUT ROWID;
            """);
    }

    public async ValueTask<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var now = _time.GetUtcNow().UtcTicks;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);

        if (now >= Interlocked.Read(ref _nextSweepTicks))
        {
            await DeleteIdleAsync(connection, transaction, now, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _nextSweepTicks, now + SweepInterval.Ticks);
        }

        var existing = await ScalarAsync<long?>(connection, transaction, "SELECT last_active_ticks FROM directline_conversations WHERE id = $id", cancellationToken, ("$id", conversation.Id)).ConfigureAwait(false);
        if (existing is { } lastActive)
        {
            if (!IsIdle(lastActive, now))
            {
                return false;
            }

            await DeleteConversationAsync(connection, transaction, conversation.Id, cancellationToken).ConfigureAwait(false);
        }

        var count = await ScalarAsync<long>(connection, transaction, "SELECT COUNT(*) FROM directline_conversations", cancellationToken).ConfigureAwait(false);
        if (count >= Math.Max(1, _options.MaxConversations))
        {
            await DeleteIdleAsync(connection, transaction, now, cancellationToken).ConfigureAwait(false);
            var excess = await ScalarAsync<long>(connection, transaction, "SELECT COUNT(*) FROM directline_conversations", cancellationToken).ConfigureAwait(false) - _options.MaxConversations + 1;
            if (excess > 0)
            {
                await ExecuteAsync(connection, transaction, """
                    DELETE FROM directline_activities WHERE conversation_id IN
                        (SELECT id FROM directline_conversations ORDER BY last_active_ticks LIMIT $excess);
                    DELETE FROM directline_conversations WHERE id IN
                        (SELECT id FROM directline_conversations ORDER BY last_active_ticks LIMIT $excess);
                    """, cancellationToken, ("$excess", excess)).ConfigureAwait(false);
            }
        }

        await ExecuteAsync(connection, transaction, """
            INSERT INTO directline_conversations (id, user_id, user_name, locale, created_ticks, last_active_ticks, last_sequence)
            VALUES ($id, $user, $name, $locale, $created, $now, 0)
            """, cancellationToken,
            ("$id", conversation.Id), ("$user", conversation.UserId), ("$name", conversation.UserName), ("$locale", conversation.Locale),
            ("$created", conversation.CreatedAt.UtcTicks), ("$now", now)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcTicks;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE directline_conversations SET last_active_ticks = $now WHERE id = $id AND last_active_ticks >= $oldest
            RETURNING user_id, user_name, locale, created_ticks
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$oldest", now - _options.ConversationIdleTimeout.Ticks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new DirectLineConversation(
            conversationId,
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero));
    }

    public async ValueTask<IReadOnlyList<StoredActivity>?> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcTicks;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var last = await LiveLastSequenceAsync(connection, transaction, conversationId, now, cancellationToken).ConfigureAwait(false);
        if (last is null)
        {
            return null;
        }

        var sequence = last.Value;
        var stored = new StoredActivity[activities.Count];
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO directline_activities (conversation_id, sequence, id, json) VALUES ($conversation, $sequence, $id, $json)";
            insert.Parameters.AddWithValue("$conversation", conversationId);
            var sequenceParameter = insert.Parameters.Add("$sequence", SqliteType.Integer);
            var idParameter = insert.Parameters.Add("$id", SqliteType.Text);
            var jsonParameter = insert.Parameters.Add("$json", SqliteType.Blob);
            for (var i = 0; i < activities.Count; i++)
            {
                sequence++;
                var activity = activities[i];
                activity.Id = DirectLineIds.ActivityId(conversationId, sequence);
                var json = JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity);
                sequenceParameter.Value = sequence;
                idParameter.Value = activity.Id;
                jsonParameter.Value = json;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                stored[i] = new StoredActivity(sequence, activity.Id, json);
            }
        }

        await ExecuteAsync(connection, transaction, """
            UPDATE directline_conversations SET last_sequence = $sequence, last_active_ticks = $now WHERE id = $conversation;
            DELETE FROM directline_activities WHERE conversation_id = $conversation AND sequence <= $sequence - $keep;
            DELETE FROM directline_activities WHERE conversation_id = $conversation AND sequence < $sequence AND sequence <= (
                SELECT COALESCE(MAX(sequence), 0) FROM (
                    SELECT sequence, SUM(length(json)) OVER (ORDER BY sequence DESC) AS newer_bytes
                    FROM directline_activities WHERE conversation_id = $conversation)
                WHERE newer_bytes > $maxBytes);
            """, cancellationToken,
            ("$sequence", sequence), ("$now", now), ("$conversation", conversationId), ("$keep", (long)Math.Max(1, _options.MaxActivitiesPerConversation)),
            ("$maxBytes", (long)_options.MaxBytesPerConversation)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async ValueTask<ActivityPage?> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcTicks;
        maxCount = Math.Max(1, maxCount);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Immediate: reading also touches the conversation's last activity.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var last = await LiveLastSequenceAsync(connection, transaction, conversationId, now, cancellationToken).ConfigureAwait(false);
        if (last is null)
        {
            return null;
        }

        if (afterSequence >= last.Value)
        {
            return new ActivityPage([], last.Value, false);
        }

        var page = new List<StoredActivity>(Math.Min(maxCount, 64));
        var hasMore = false;
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT sequence, id, json FROM directline_activities
                WHERE conversation_id = $conversation AND sequence > $after ORDER BY sequence LIMIT $limit
                """;
            select.Parameters.AddWithValue("$conversation", conversationId);
            select.Parameters.AddWithValue("$after", afterSequence);
            select.Parameters.AddWithValue("$limit", maxCount + 1);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (page.Count == maxCount)
                {
                    hasMore = true;
                    break;
                }

                page.Add(new StoredActivity(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ActivityPage(page, page.Count > 0 ? page[^1].Sequence : last.Value, hasMore);
    }

    /// <summary>The conversation's last sequence, touching it; null when it is unknown or idle.</summary>
    private async Task<long?> LiveLastSequenceAsync(SqliteConnection connection, SqliteTransaction transaction, string conversationId, long now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE directline_conversations SET last_active_ticks = $now WHERE id = $id AND last_active_ticks >= $oldest
            RETURNING last_sequence
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$oldest", now - _options.ConversationIdleTimeout.Ticks);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long last ? last : null;
    }

    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var removed = await ScalarAsync<long>(connection, transaction, "SELECT COUNT(*) FROM directline_conversations WHERE last_active_ticks < $oldest", cancellationToken, ("$oldest", idleSince.UtcTicks)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, """
            DELETE FROM directline_activities WHERE conversation_id IN
                (SELECT id FROM directline_conversations WHERE last_active_ticks < $oldest);
            DELETE FROM directline_conversations WHERE last_active_ticks < $oldest;
            """, cancellationToken, ("$oldest", idleSince.UtcTicks)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (int)removed;
    }

    /// <summary>
    /// Deletes the conversation's activities; the conversation and its sequence numbering stay (until the idle sweep), so
    /// a connected page carries on and gets the bot's confirmation as the only activity left.
    /// </summary>
    public async Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var removed = await ScalarAsync<long>(connection, transaction, "SELECT COUNT(*) FROM directline_activities WHERE conversation_id = $id", cancellationToken, ("$id", conversationId)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM directline_activities WHERE conversation_id = $id;", cancellationToken, ("$id", conversationId)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (int)removed;
    }

    private bool IsIdle(long lastActiveTicks, long now) => now - lastActiveTicks > _options.ConversationIdleTimeout.Ticks;

    private Task DeleteIdleAsync(SqliteConnection connection, SqliteTransaction transaction, long now, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            DELETE FROM directline_activities WHERE conversation_id IN
                (SELECT id FROM directline_conversations WHERE last_active_ticks < $oldest);
            DELETE FROM directline_conversations WHERE last_active_ticks < $oldest;
            """, cancellationToken, ("$oldest", now - _options.ConversationIdleTimeout.Ticks));

    private static Task DeleteConversationAsync(SqliteConnection connection, SqliteTransaction transaction, string conversationId, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            DELETE FROM directline_activities WHERE conversation_id = $id;
            DELETE FROM directline_conversations WHERE id = $id;
            """, cancellationToken, ("$id", conversationId));

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is null or DBNull ? default! : (T)result;
    }
}
