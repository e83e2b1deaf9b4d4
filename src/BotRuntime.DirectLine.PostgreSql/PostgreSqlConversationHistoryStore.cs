using System.Text.Json;
using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.Schema;
using BotRuntime.Storage;
using BotRuntime.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace BotRuntime.DirectLine.PostgreSql;

/// <summary>
/// Direct Line conversations and their activities in PostgreSQL, shared by every host instance. The conversation row
/// holds the last sequence: an append raises it with an UPDATE, whose row lock makes appends of one conversation (on
/// any instance) take their sequences and commit one after another, so a reader never sees a later activity without
/// the earlier ones. The same transaction sends a NOTIFY (instance, conversation id, watermark) that
/// <see cref="PostgreSqlStreamListener"/> hears on every instance and hands to the stream that conversation has there.
/// Bounded like the other stores: idle conversations are deleted, the least recently active one makes room at the
/// limit, and each keeps its newest activities (by count and by bytes). Times come from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class PostgreSqlConversationHistoryStore : IConversationHistoryStore, IExpiringStore, IConversationDataStore, IAsyncDisposable
{
    private const string ProviderName = "PostgreSQL Direct Line history";
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly DirectLineHistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly string _conversations;
    private readonly string _activities;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private long _nextSweepTicks;

    /// <param name="tablePrefix">Names the two tables (<c>{prefix}_conversations</c>, <c>{prefix}_activities</c>) and the notification channel.</param>
    /// <param name="instanceId">This instance in notifications, so that it skips its own.</param>
    public PostgreSqlConversationHistoryStore(NpgsqlDataSource dataSource, DirectLineHistoryOptions options, TimeProvider time, string tablePrefix, string instanceId)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        if (string.IsNullOrEmpty(tablePrefix) || tablePrefix.Length > 40 || !char.IsAsciiLetterLower(tablePrefix[0]) || !tablePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException("The table prefix must start with a lower-case ASCII letter and hold only those, digits and underscores (at most 40).", nameof(tablePrefix));
        }

        _options = options;
        _time = time;
        _conversations = tablePrefix + "_conversations";
        _activities = tablePrefix + "_activities";
        Channel = tablePrefix + "_stream";
        InstanceId = instanceId;
        _nextSweepTicks = time.GetUtcNow().UtcTicks + SweepInterval.Ticks;
    }

    /// <summary>The LISTEN/NOTIFY channel that carries stream notices between instances.</summary>
    public string Channel { get; }

    public string InstanceId { get; }

    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Creates the tables and index if they are missing (idempotent; once per process).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var command = _dataSource.CreateCommand($"""
                CREATE TABLE IF NOT EXISTS {_conversations} (
                    id text PRIMARY KEY,
                    user_id text NOT NULL,
                    user_name text NULL,
                    locale text NULL,
                    created_utc timestamptz NOT NULL,
                    last_active_utc timestamptz NOT NULL,
                    last_sequence bigint NOT NULL
                );
                CREATE INDEX IF NOT EXISTS {_conversations}_last_active ON {_conversations} (last_active_utc);
                CREATE TABLE IF NOT EXISTS {_activities} (
                    conversation_id text NOT NULL REFERENCES {_conversations} (id) ON DELETE CASCADE,
                    sequence bigint NOT NULL,
                    id text NOT NULL,
                    json bytea NOT NULL,
                    PRIMARY KEY (conversation_id, sequence)
                );
                """);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (PostgreSqlFailures.IsConcurrentSchemaCreation(ex))
            {
                // Another instance created them at the same moment (IF NOT EXISTS is not atomic across sessions).
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public ValueTask<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return RunAsync(async ct =>
        {
            var now = _time.GetUtcNow();
            await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var nextSweep = Interlocked.Read(ref _nextSweepTicks);
            if (now.UtcTicks >= nextSweep && Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + SweepInterval.Ticks, nextSweep) == nextSweep)
            {
                await ExecuteAsync(connection, $"DELETE FROM {_conversations} WHERE last_active_utc < @oldest", ct, ("oldest", Oldest(now))).ConfigureAwait(false);
            }

            // A forgotten (idle) conversation of the same id makes way; a live one refuses the create.
            await ExecuteAsync(connection, $"DELETE FROM {_conversations} WHERE id = @id AND last_active_utc < @oldest", ct, ("id", conversation.Id), ("oldest", Oldest(now))).ConfigureAwait(false);
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = $"""
                    INSERT INTO {_conversations} (id, user_id, user_name, locale, created_utc, last_active_utc, last_sequence)
                    VALUES (@id, @user, @name, @locale, @created, @now, 0) ON CONFLICT (id) DO NOTHING
                    """;
                insert.Parameters.AddWithValue("id", NpgsqlDbType.Text, conversation.Id);
                insert.Parameters.AddWithValue("user", NpgsqlDbType.Text, conversation.UserId);
                insert.Parameters.AddWithValue("name", NpgsqlDbType.Text, (object?)conversation.UserName ?? DBNull.Value);
                insert.Parameters.AddWithValue("locale", NpgsqlDbType.Text, (object?)conversation.Locale ?? DBNull.Value);
                insert.Parameters.AddWithValue("created", NpgsqlDbType.TimestampTz, conversation.CreatedAt.UtcDateTime);
                insert.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now.UtcDateTime);
                if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
                {
                    await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    return false;
                }
            }

            // At the limit, idle conversations go first, then the least recently active ones (never the new one).
            await ExecuteAsync(connection, $"""
                DELETE FROM {_conversations} WHERE id IN (
                    SELECT id FROM {_conversations} WHERE id <> @id ORDER BY last_active_utc
                    LIMIT GREATEST(0, (SELECT count(*) FROM {_conversations}) - @max))
                """, ct, ("id", conversation.Id), ("max", (long)Math.Max(1, _options.MaxConversations))).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public ValueTask<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            var now = _time.GetUtcNow();
            await using var command = _dataSource.CreateCommand($"""
                UPDATE {_conversations} SET last_active_utc = GREATEST(last_active_utc, @now) WHERE id = @id AND last_active_utc >= @oldest
                RETURNING user_id, user_name, locale, created_utc
                """);
            command.Parameters.AddWithValue("id", NpgsqlDbType.Text, conversationId);
            command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now.UtcDateTime);
            command.Parameters.AddWithValue("oldest", NpgsqlDbType.TimestampTz, Oldest(now));
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return null;
            }

            return new DirectLineConversation(
                conversationId,
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero));
        }, cancellationToken);

    public ValueTask<IReadOnlyList<StoredActivity>?> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return RunAsync<IReadOnlyList<StoredActivity>?>(async ct =>
        {
            if (activities.Count == 0)
            {
                return [];
            }

            var now = _time.GetUtcNow();
            await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            long last;
            await using (var reserve = connection.CreateCommand())
            {
                // The row lock taken here is held to the commit: the next append of this conversation waits for it.
                reserve.CommandText = $"""
                    UPDATE {_conversations} SET last_sequence = last_sequence + @count, last_active_utc = GREATEST(last_active_utc, @now)
                    WHERE id = @id AND last_active_utc >= @oldest RETURNING last_sequence
                    """;
                reserve.Parameters.AddWithValue("id", NpgsqlDbType.Text, conversationId);
                reserve.Parameters.AddWithValue("count", NpgsqlDbType.Bigint, (long)activities.Count);
                reserve.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now.UtcDateTime);
                reserve.Parameters.AddWithValue("oldest", NpgsqlDbType.TimestampTz, Oldest(now));
                if (await reserve.ExecuteScalarAsync(ct).ConfigureAwait(false) is not long reserved)
                {
                    await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    return null;
                }

                last = reserved;
            }

            var stored = new StoredActivity[activities.Count];
            var sequences = new long[activities.Count];
            var ids = new string[activities.Count];
            var json = new byte[activities.Count][];
            for (var i = 0; i < activities.Count; i++)
            {
                var sequence = last - activities.Count + 1 + i;
                var activity = activities[i];
                activity.Id = DirectLineIds.ActivityId(conversationId, sequence);
                sequences[i] = sequence;
                ids[i] = activity.Id;
                json[i] = JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity);
                stored[i] = new StoredActivity(sequence, activity.Id, json[i]);
            }

            await using (var batch = connection.CreateBatch())
            {
                var insert = new NpgsqlBatchCommand($"""
                    INSERT INTO {_activities} (conversation_id, sequence, id, json)
                    SELECT @conversation, s, i, j FROM unnest(@sequences, @ids, @json) AS t(s, i, j)
                    """);
                insert.Parameters.AddWithValue("conversation", NpgsqlDbType.Text, conversationId);
                insert.Parameters.AddWithValue("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint, sequences);
                insert.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids);
                insert.Parameters.AddWithValue("json", NpgsqlDbType.Array | NpgsqlDbType.Bytea, json);
                batch.BatchCommands.Add(insert);

                // Bounded by count and by bytes; the newest activity always stays.
                var byCount = new NpgsqlBatchCommand($"DELETE FROM {_activities} WHERE conversation_id = @conversation AND sequence <= @last - @keep");
                byCount.Parameters.AddWithValue("conversation", NpgsqlDbType.Text, conversationId);
                byCount.Parameters.AddWithValue("last", NpgsqlDbType.Bigint, last);
                byCount.Parameters.AddWithValue("keep", NpgsqlDbType.Bigint, (long)Math.Max(1, _options.MaxActivitiesPerConversation));
                batch.BatchCommands.Add(byCount);
                var byBytes = new NpgsqlBatchCommand($"""
                    DELETE FROM {_activities} WHERE conversation_id = @conversation AND sequence < @last AND sequence <= (
                        SELECT COALESCE(MAX(sequence), 0) FROM (
                            SELECT sequence, SUM(length(json)) OVER (ORDER BY sequence DESC) AS newer_bytes
                            FROM {_activities} WHERE conversation_id = @conversation) AS sized
                        WHERE newer_bytes > @max_bytes)
                    """);
                byBytes.Parameters.AddWithValue("conversation", NpgsqlDbType.Text, conversationId);
                byBytes.Parameters.AddWithValue("last", NpgsqlDbType.Bigint, last);
                byBytes.Parameters.AddWithValue("max_bytes", NpgsqlDbType.Bigint, (long)_options.MaxBytesPerConversation);
                batch.BatchCommands.Add(byBytes);

                // Delivered to the listeners at commit, and only if the activities are committed.
                var notify = new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)");
                notify.Parameters.AddWithValue("channel", NpgsqlDbType.Text, Channel);
                notify.Parameters.AddWithValue("payload", NpgsqlDbType.Text, StreamNotice.Appended(InstanceId, conversationId, last));
                batch.BatchCommands.Add(notify);
                await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    public ValueTask<ActivityPage?> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            var now = _time.GetUtcNow();
            maxCount = Math.Max(1, maxCount);
            await using var batch = _dataSource.CreateBatch();
            // Two statements, two snapshots, in this order: the last sequence first, then the activities. An empty page
            // then answers with a watermark no newer than what the second read saw, so nothing is ever skipped.
            var last = new NpgsqlBatchCommand($"""
                UPDATE {_conversations} SET last_active_utc = GREATEST(last_active_utc, @now) WHERE id = @id AND last_active_utc >= @oldest
                RETURNING last_sequence
                """);
            last.Parameters.AddWithValue("id", NpgsqlDbType.Text, conversationId);
            last.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now.UtcDateTime);
            last.Parameters.AddWithValue("oldest", NpgsqlDbType.TimestampTz, Oldest(now));
            batch.BatchCommands.Add(last);
            var page = new NpgsqlBatchCommand($"""
                SELECT sequence, id, json FROM {_activities}
                WHERE conversation_id = @id AND sequence > @after ORDER BY sequence LIMIT @limit
                """);
            page.Parameters.AddWithValue("id", NpgsqlDbType.Text, conversationId);
            page.Parameters.AddWithValue("after", NpgsqlDbType.Bigint, afterSequence);
            page.Parameters.AddWithValue("limit", NpgsqlDbType.Integer, maxCount + 1);
            batch.BatchCommands.Add(page);

            await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return null;
            }

            var lastSequence = reader.GetInt64(0);
            await reader.NextResultAsync(ct).ConfigureAwait(false);
            var activities = new List<StoredActivity>(Math.Min(maxCount, 64));
            var hasMore = false;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (activities.Count == maxCount)
                {
                    hasMore = true;
                    break;
                }

                activities.Add(new StoredActivity(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
            }

            return new ActivityPage(activities, activities.Count > 0 ? activities[^1].Sequence : lastSequence, hasMore);
        }, cancellationToken);

    /// <summary>
    /// Deletes the conversation's activities; the conversation and its sequence numbering stay (until it goes idle), so
    /// a connected page carries on and gets the bot's confirmation as the only activity left.
    /// </summary>
    public Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default) =>
        RunAsync(ct => ExecuteAsync(_dataSource, $"DELETE FROM {_activities} WHERE conversation_id = @id", ct, ("id", conversationId)), cancellationToken).AsTask();

    public Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default) =>
        RunAsync(ct => ExecuteAsync(_dataSource, $"DELETE FROM {_conversations} WHERE last_active_utc < @oldest", ct, ("oldest", idleSince.UtcDateTime)), cancellationToken).AsTask();

    /// <summary>Sends a stream notice to every instance (outside any append: live-only activities).</summary>
    public Task NotifyAsync(string payload, CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", NpgsqlDbType.Text, Channel);
            command.Parameters.AddWithValue("payload", NpgsqlDbType.Text, payload);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).AsTask();

    public ValueTask DisposeAsync()
    {
        _schemaGate.Dispose();
        return _dataSource.DisposeAsync();
    }

    private DateTime Oldest(DateTimeOffset now) => (now - _options.ConversationIdleTimeout).UtcDateTime;

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes sure the schema exists, then runs the call; errors that may pass become <see cref="StorageUnavailableException"/>.</summary>
    private async ValueTask<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
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
