using System.Text;
using System.Text.Json;
using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.Schema;
using BotRuntime.Storage;
using BotRuntime.Storage.PostgreSql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace BotRuntime.DirectLine.PostgreSql;

/// <summary>
/// Direct Line conversations and their activities in PostgreSQL, shared by every host instance. The conversation row
/// holds the last sequence: an append raises it with an UPDATE, whose row lock makes appends of one conversation (on
/// any instance) take their sequences and commit one after another, so a reader never sees a later activity without
/// the earlier ones. Each append is one statement batch (one round trip, one commit); after its commit, in the same
/// round trip, a NOTIFY (instance, conversation id, watermark) goes out that <see cref="PostgreSqlStreamListener"/>
/// hears on every instance and hands to the stream that conversation has there. Reads write the last-active time only
/// when it is a second old or more, so polling and token checks cost no commit.
/// Bounded like the other stores: idle conversations are deleted, the least recently active one makes room at the
/// limit, and each keeps its newest activities (by count and by bytes). Times come from the <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class PostgreSqlConversationHistoryStore : IConversationHistoryStore, IExpiringStore, IConversationDataStore, IAsyncDisposable
{
    private const string ProviderName = "PostgreSQL Direct Line history";
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A read counts as activity, but writes the time only when the stored one is older than this: a visitor's
    /// requests within a second of each other (or of an append, which always writes it) cost no write and no commit.
    /// </summary>
    private static readonly TimeSpan TouchResolution = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly DirectLineHistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly string _conversations;
    private readonly string _activities;
    private readonly OneTimeSetup _schema;
    private readonly ILogger _logger;
    private readonly string _idPlaceholder = "b12-pending-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private readonly string _idPlaceholderJson;
    private long _nextSweepTicks;

    /// <param name="tablePrefix">Names the two tables (<c>{prefix}_conversations</c>, <c>{prefix}_activities</c>) and the notification channel.</param>
    /// <param name="instanceId">This instance in notifications, so that it skips its own.</param>
    public PostgreSqlConversationHistoryStore(NpgsqlDataSource dataSource, DirectLineHistoryOptions options, TimeProvider time, string tablePrefix, string instanceId, ILogger<PostgreSqlConversationHistoryStore>? logger = null)
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
        _schema = new OneTimeSetup(CreateSchemaAsync);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _idPlaceholderJson = "\"" + _idPlaceholder + "\"";
    }

    /// <summary>The LISTEN/NOTIFY channel that carries stream notices between instances.</summary>
    public string Channel { get; }

    public string InstanceId { get; }

    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Makes sure the schema exists: created by the first call in this process, then at no cost.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => _schema.EnsureAsync(cancellationToken);

    /// <summary>Creates the tables and index if they are missing (idempotent; run once per process by EnsureSchemaAsync).</summary>
    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
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
    }

    public ValueTask<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return RunAsync(async ct =>
        {
            // One batch: one round trip, one transaction (Npgsql runs a batch's statements in one implicit transaction).
            var now = _time.GetUtcNow();
            await using var batch = _dataSource.CreateBatch();
            var nextSweep = Interlocked.Read(ref _nextSweepTicks);
            if (now.UtcTicks >= nextSweep && Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + SweepInterval.Ticks, nextSweep) == nextSweep)
            {
                var sweep = new NpgsqlBatchCommand($"DELETE FROM {_conversations} WHERE last_active_utc < @oldest");
                sweep.Parameters.AddWithValue("oldest", NpgsqlDbType.TimestampTz, Oldest(now));
                batch.BatchCommands.Add(sweep);
            }

            // A forgotten (idle) conversation of the same id makes way; a live one refuses the create.
            var makeWay = new NpgsqlBatchCommand($"DELETE FROM {_conversations} WHERE id = @id AND last_active_utc < @oldest");
            makeWay.Parameters.AddWithValue("id", NpgsqlDbType.Text, conversation.Id);
            makeWay.Parameters.AddWithValue("oldest", NpgsqlDbType.TimestampTz, Oldest(now));
            batch.BatchCommands.Add(makeWay);
            var insert = new NpgsqlBatchCommand($"""
                INSERT INTO {_conversations} (id, user_id, user_name, locale, created_utc, last_active_utc, last_sequence)
                VALUES (@id, @user, @name, @locale, @created, @now, 0) ON CONFLICT (id) DO NOTHING
                """);
            insert.Parameters.AddWithValue("id", NpgsqlDbType.Text, conversation.Id);
            insert.Parameters.AddWithValue("user", NpgsqlDbType.Text, conversation.UserId);
            insert.Parameters.AddWithValue("name", NpgsqlDbType.Text, (object?)conversation.UserName ?? DBNull.Value);
            insert.Parameters.AddWithValue("locale", NpgsqlDbType.Text, (object?)conversation.Locale ?? DBNull.Value);
            insert.Parameters.AddWithValue("created", NpgsqlDbType.TimestampTz, conversation.CreatedAt.UtcDateTime);
            insert.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now.UtcDateTime);
            batch.BatchCommands.Add(insert);

            // At the limit, idle conversations go first, then the least recently active ones (never the new one). When
            // the insert was refused this finds the table within its limit and deletes nothing.
            var makeRoom = new NpgsqlBatchCommand($"""
                DELETE FROM {_conversations} WHERE id IN (
                    SELECT id FROM {_conversations} WHERE id <> @id ORDER BY last_active_utc
                    LIMIT GREATEST(0, (SELECT count(*) FROM {_conversations}) - @max))
                """);
            makeRoom.Parameters.AddWithValue("id", NpgsqlDbType.Text, conversation.Id);
            makeRoom.Parameters.AddWithValue("max", NpgsqlDbType.Bigint, (long)Math.Max(1, _options.MaxConversations));
            batch.BatchCommands.Add(makeRoom);
            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return insert.RecordsAffected == 1;
        }, cancellationToken);
    }

    public ValueTask<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            var now = _time.GetUtcNow();
            await using var command = _dataSource.CreateCommand($"""
                WITH found AS (
                    SELECT user_id, user_name, locale, created_utc FROM {_conversations} WHERE id = @id AND last_active_utc >= @oldest),
                touched AS ({TouchStatement})
                SELECT user_id, user_name, locale, created_utc FROM found
                """);
            AddTouchParameters(command.Parameters, conversationId, now);
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

    /// <summary>
    /// One round trip and one commit: the sequences are reserved (the conversation row's lock, held only while the
    /// statement runs, orders appends of one conversation on every instance), the activities inserted with their ids,
    /// and the history trimmed, all in one implicit transaction. An activity's JSON holds its id, which holds the
    /// sequence only the database knows: it is serialized with a placeholder id that the insert replaces. The
    /// notice to the other instances follows the commit in the same round trip, in a transaction of its own (see
    /// <see cref="NoticeCommand"/>).
    /// </summary>
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
            var json = new string[activities.Count];
            for (var i = 0; i < activities.Count; i++)
            {
                activities[i].Id = _idPlaceholder;
                json[i] = JsonSerializer.Serialize(activities[i], BotJsonContext.Default.Activity);
            }

            // The id as a JSON string up to its sequence digits (which need no escaping).
            var idJsonPrefix = "\"" + JsonEncodedText.Encode(conversationId + "|", BotJsonContext.Default.Options.Encoder).ToString();
            long last;
            await using (var batch = _dataSource.CreateBatch())
            {
                var append = new NpgsqlBatchCommand($"""
                    WITH reserved AS (
                        UPDATE {_conversations} SET last_sequence = last_sequence + @count, last_active_utc = GREATEST(last_active_utc, @now)
                        WHERE id = @conversation AND last_active_utc >= @oldest RETURNING last_sequence),
                    numbered AS (
                        SELECT reserved.last_sequence - @count + t.position AS sequence, t.json
                        FROM reserved, unnest(@json) WITH ORDINALITY AS t(json, position)),
                    digits AS (
                        SELECT sequence, lpad(sequence::text, GREATEST(7, length(sequence::text)), '0') AS padded, json FROM numbered),
                    inserted AS (
                        INSERT INTO {_activities} (conversation_id, sequence, id, json)
                        SELECT @conversation, sequence, @conversation || '|' || padded,
                               convert_to(replace(json, @placeholder, @id_json_prefix || padded || '"'), 'UTF8')
                        FROM digits)
                    SELECT last_sequence FROM reserved
                    """);
                append.Parameters.AddWithValue("conversation", NpgsqlDbType.Text, conversationId);
                append.Parameters.AddWithValue("count", NpgsqlDbType.Bigint, (long)activities.Count);
                append.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now.UtcDateTime);
                append.Parameters.AddWithValue("oldest", NpgsqlDbType.TimestampTz, Oldest(now));
                append.Parameters.AddWithValue("json", NpgsqlDbType.Array | NpgsqlDbType.Text, json);
                append.Parameters.AddWithValue("placeholder", NpgsqlDbType.Text, _idPlaceholderJson);
                append.Parameters.AddWithValue("id_json_prefix", NpgsqlDbType.Text, idJsonPrefix);
                batch.BatchCommands.Add(append);

                // Bounded by count and by bytes; the newest activity always stays. Later statements of the batch see
                // the earlier ones' rows (one transaction); on an unknown conversation they find nothing to delete.
                var byCount = new NpgsqlBatchCommand($"""
                    DELETE FROM {_activities} WHERE conversation_id = @conversation
                    AND sequence <= (SELECT last_sequence FROM {_conversations} WHERE id = @conversation) - @keep
                    """);
                byCount.Parameters.AddWithValue("conversation", NpgsqlDbType.Text, conversationId);
                byCount.Parameters.AddWithValue("keep", NpgsqlDbType.Bigint, (long)Math.Max(1, _options.MaxActivitiesPerConversation));
                batch.BatchCommands.Add(byCount);
                var byBytes = new NpgsqlBatchCommand($"""
                    DELETE FROM {_activities} WHERE conversation_id = @conversation
                    AND sequence < (SELECT last_sequence FROM {_conversations} WHERE id = @conversation) AND sequence <= (
                        SELECT COALESCE(MAX(sequence), 0) FROM (
                            SELECT sequence, SUM(length(json)) OVER (ORDER BY sequence DESC) AS newer_bytes
                            FROM {_activities} WHERE conversation_id = @conversation) AS sized
                        WHERE newer_bytes > @max_bytes)
                    """);
                byBytes.Parameters.AddWithValue("conversation", NpgsqlDbType.Text, conversationId);
                byBytes.Parameters.AddWithValue("max_bytes", NpgsqlDbType.Bigint, (long)_options.MaxBytesPerConversation);
                // The barrier (a Sync) ends the implicit transaction here: the append commits before the notice runs.
                byBytes.AppendErrorBarrier = true;
                batch.BatchCommands.Add(byBytes);
                var notice = NoticeCommand(conversationId);
                batch.BatchCommands.Add(notice);

                await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    // Unknown or idle: nothing was stored, and the notice finds no row to announce.
                    return null;
                }

                last = reader.GetInt64(0);
                await ReadPastNoticeAsync(reader, notice).ConfigureAwait(false);
            }

            var stored = new StoredActivity[activities.Count];
            for (var i = 0; i < activities.Count; i++)
            {
                var sequence = last - activities.Count + 1 + i;
                var id = DirectLineIds.ActivityId(conversationId, sequence);
                activities[i].Id = id;
                var idJson = idJsonPrefix + id[(conversationId.Length + 1)..] + "\"";
                stored[i] = new StoredActivity(sequence, id, Encoding.UTF8.GetBytes(json[i].Replace(_idPlaceholderJson, idJson, StringComparison.Ordinal)));
            }

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
                WITH found AS (SELECT last_sequence FROM {_conversations} WHERE id = @id AND last_active_utc >= @oldest),
                touched AS ({TouchStatement})
                SELECT last_sequence FROM found
                """);
            AddTouchParameters(last.Parameters, conversationId, now);
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

    /// <summary>
    /// The notice that tells every instance the conversation has activities up to its last sequence, sent in the
    /// append's round trip but after its commit, as a transaction of its own (the batch's error barrier): a NOTIFY inside
    /// a writing transaction takes a lock that every such commit in the database shares and holds it through the
    /// commit's flush to disk, which lined up all appends of all instances behind one another. It reads the watermark it
    /// announces from the committed row (never older than this append's, and a later one is stored too), and sends
    /// nothing for an unknown conversation. When it cannot be sent (or the process dies just before), a stream elsewhere
    /// learns of these activities with the next notice for the conversation or when its listener reconnects; nothing is
    /// lost or repeated, as each wake-up reads from the stream's own watermark.
    /// </summary>
    private NpgsqlBatchCommand NoticeCommand(string conversationId)
    {
        var notice = new NpgsqlBatchCommand($"SELECT pg_notify(@channel, @prefix || last_sequence::text || '|' || id) FROM {_conversations} WHERE id = @conversation");
        notice.Parameters.AddWithValue("channel", NpgsqlDbType.Text, Channel);
        notice.Parameters.AddWithValue("prefix", NpgsqlDbType.Text, StreamNotice.AppendedPrefix(InstanceId));
        notice.Parameters.AddWithValue("conversation", NpgsqlDbType.Text, conversationId);
        return notice;
    }

    /// <summary>
    /// Reads the append's remaining results up to the notice's. Moving past the barrier is what confirms the commit; a
    /// notice that fails after it is logged, not thrown: the activities are stored.
    /// </summary>
    private async Task ReadPastNoticeAsync(NpgsqlDataReader reader, NpgsqlBatchCommand notice)
    {
        try
        {
            while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false))
            {
            }
        }
        catch (PostgresException ex) when (ex.BatchCommand == notice)
        {
            LogNoticeNotSent(ex.GetType().Name);
        }
    }

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
        return _dataSource.DisposeAsync();
    }

    private DateTime Oldest(DateTimeOffset now) => (now - _options.ConversationIdleTimeout).UtcDateTime;

    /// <summary>The conditional write of a read that counts as activity (parameters: <see cref="AddTouchParameters"/>).</summary>
    private string TouchStatement =>
        $"UPDATE {_conversations} SET last_active_utc = @now WHERE id = @id AND last_active_utc >= @oldest AND last_active_utc < @stale";

    private void AddTouchParameters(NpgsqlParameterCollection parameters, string conversationId, DateTimeOffset now)
    {
        parameters.AddWithValue("id", NpgsqlDbType.Text, conversationId);
        parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now.UtcDateTime);
        parameters.AddWithValue("oldest", NpgsqlDbType.TimestampTz, Oldest(now));
        parameters.AddWithValue("stale", NpgsqlDbType.TimestampTz, (now - TouchResolution).UtcDateTime);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line activities were stored but the notice to the other instances failed ({ExceptionType}); their streams catch up with the next notice")]
    private partial void LogNoticeNotSent(string exceptionType);
}
