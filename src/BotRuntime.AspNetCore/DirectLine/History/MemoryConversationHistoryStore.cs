using System.Collections.Concurrent;
using System.Text.Json;
using BotRuntime.Schema;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine.History;

/// <summary>
/// Conversations in this process's memory, bounded three ways: idle conversations are forgotten after
/// <see cref="DirectLineHistoryOptions.ConversationIdleTimeout"/>, at most <see cref="DirectLineHistoryOptions.MaxConversations"/>
/// are kept (the least recently active one goes first), and each keeps its last
/// <see cref="DirectLineHistoryOptions.MaxActivitiesPerConversation"/> activities. Activities are kept as serialized
/// JSON, so a replay writes bytes and never re-serializes.
/// </summary>
public sealed class MemoryConversationHistoryStore : IConversationHistoryStore, BotRuntime.Storage.IExpiringStore, BotRuntime.Storage.IConversationDataStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();
    private readonly DirectLineHistoryOptions _options;
    private readonly TimeProvider _time;
    private DateTimeOffset _nextSweep;

    public MemoryConversationHistoryStore(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _options = options.Value.History;
        _time = time;
        _nextSweep = time.GetUtcNow() + SweepInterval;
    }

    public int Count => _conversations.Count;

    public ValueTask<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var now = _time.GetUtcNow();
        lock (_createGate)
        {
            if (now >= _nextSweep)
            {
                RemoveIdle(now);
                _nextSweep = now + SweepInterval;
            }

            if (_conversations.TryGetValue(conversation.Id, out var existing) && !IsIdle(existing, now))
            {
                return ValueTask.FromResult(false);
            }

            while (_conversations.Count >= Math.Max(1, _options.MaxConversations))
            {
                RemoveIdle(now);
                if (_conversations.Count >= _options.MaxConversations)
                {
                    RemoveLeastRecentlyActive();
                }
            }

            _conversations[conversation.Id] = new Entry(conversation, now);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryGetLive(conversationId)?.Conversation);

    public ValueTask<IReadOnlyList<StoredActivity>?> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var entry = TryGetLive(conversationId);
        if (entry is null)
        {
            return ValueTask.FromResult<IReadOnlyList<StoredActivity>?>(null);
        }

        var stored = new StoredActivity[activities.Count];
        lock (entry.Gate)
        {
            for (var i = 0; i < activities.Count; i++)
            {
                var sequence = ++entry.LastSequence;
                var activity = activities[i];
                activity.Id = DirectLineIds.ActivityId(conversationId, sequence);
                var json = JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity);
                stored[i] = new StoredActivity(sequence, activity.Id, json);
                entry.Activities.Add(stored[i]);
                entry.Bytes += json.Length;
            }

            // Bounded by count and by bytes; the newest activity always stays.
            var remove = Math.Max(0, entry.Activities.Count - Math.Max(1, _options.MaxActivitiesPerConversation));
            var bytes = entry.Bytes;
            for (var i = 0; i < remove; i++)
            {
                bytes -= entry.Activities[i].Json.Length;
            }

            while (entry.Activities.Count - remove > 1 && bytes > _options.MaxBytesPerConversation)
            {
                bytes -= entry.Activities[remove].Json.Length;
                remove++;
            }

            if (remove > 0)
            {
                entry.Activities.RemoveRange(0, remove);
                entry.Bytes = bytes;
            }
        }

        return ValueTask.FromResult<IReadOnlyList<StoredActivity>?>(stored);
    }

    public ValueTask<ActivityPage?> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var entry = TryGetLive(conversationId);
        if (entry is null)
        {
            return ValueTask.FromResult<ActivityPage?>(null);
        }

        lock (entry.Gate)
        {
            var all = entry.Activities;
            if (all.Count == 0 || afterSequence >= entry.LastSequence)
            {
                return ValueTask.FromResult<ActivityPage?>(new ActivityPage([], entry.LastSequence, false));
            }

            // Sequences are contiguous, so the first activity after the watermark is found by arithmetic.
            var start = (int)Math.Max(0, afterSequence - all[0].Sequence + 1);
            var count = Math.Min(Math.Max(1, maxCount), all.Count - start);
            var page = all.GetRange(start, count);
            return ValueTask.FromResult<ActivityPage?>(new ActivityPage(page, page[^1].Sequence, start + count < all.Count));
        }
    }

    private Entry? TryGetLive(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (IsIdle(entry, now))
        {
            _conversations.TryRemove(new KeyValuePair<string, Entry>(conversationId, entry));
            return null;
        }

        Volatile.Write(ref entry.LastActive, now.UtcTicks);
        return entry;
    }

    private bool IsIdle(Entry entry, DateTimeOffset now) =>
        now.UtcTicks - Volatile.Read(ref entry.LastActive) > _options.ConversationIdleTimeout.Ticks;

    /// <summary>
    /// Deletes the conversation's activities; the conversation and its sequence numbering stay (until it goes idle), so
    /// a connected page carries on and gets the bot's confirmation as the only activity left.
    /// </summary>
    public Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult(0);
        }

        lock (entry.Gate)
        {
            var removed = entry.Activities.Count;
            entry.Activities.Clear();
            entry.Bytes = 0;
            return Task.FromResult(removed);
        }
    }

    public Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        foreach (var pair in _conversations)
        {
            if (Volatile.Read(ref pair.Value.LastActive) < idleSince.UtcTicks && _conversations.TryRemove(pair))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    private void RemoveIdle(DateTimeOffset now)
    {
        foreach (var pair in _conversations)
        {
            if (IsIdle(pair.Value, now))
            {
                _conversations.TryRemove(pair);
            }
        }
    }

    private void RemoveLeastRecentlyActive()
    {
        KeyValuePair<string, Entry>? oldest = null;
        foreach (var pair in _conversations)
        {
            if (oldest is null || Volatile.Read(ref pair.Value.LastActive) < Volatile.Read(ref oldest.Value.Value.LastActive))
            {
                oldest = pair;
            }
        }

        if (oldest is { } victim)
        {
            _conversations.TryRemove(victim);
        }
    }

    private sealed class Entry(DirectLineConversation conversation, DateTimeOffset created)
    {
        public readonly Lock Gate = new();
        public readonly List<StoredActivity> Activities = [];
        public long LastActive = created.UtcTicks;
        public long LastSequence;
        public long Bytes;

        public DirectLineConversation Conversation { get; } = conversation;
    }
}
