namespace BotRuntime.Teams;

/// <summary>
/// Keeps the bot's sends to each conversation under Teams' per-bot, per-thread limits (7 in 1 s, 8 in 2 s, 60 in 30 s,
/// 1800 in an hour) by making a sender wait for its slot instead of earning a 429. The Bot Connector's Teams pacing handler awaits
/// <see cref="WaitAsync"/> before each send to a Teams conversation; slots are handed out first come, first served.
/// A 429 that still happens (other instances, tenant-wide limits) is the job of the connector's resilience pipeline,
/// which honours Retry-After. Channel reply threads ("19:...;messageid=...") count against their channel.
/// </summary>
public sealed class ConversationRateLimiter
{
    /// <summary>Teams' documented send limits per bot per thread.</summary>
    public static readonly IReadOnlyList<RateLimitWindow> TeamsPerConversationLimits =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    private const int SweepEvery = 256;

    private readonly TimeProvider _time;
    private readonly RateLimitWindow[] _windows;
    private readonly int _history;
    private readonly TimeSpan _longestWindow;
    private readonly Dictionary<string, SlotHistory> _slots = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _reservations;

    public ConversationRateLimiter(TimeProvider time)
        : this(time, TeamsPerConversationLimits)
    {
    }

    public ConversationRateLimiter(TimeProvider time, IReadOnlyList<RateLimitWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0 || windows.Any(w => w.PermitLimit < 1 || w.Window <= TimeSpan.Zero))
        {
            throw new ArgumentException("Every window needs a positive limit and length.", nameof(windows));
        }

        _time = time;
        _windows = [.. windows];
        _history = _windows.Max(w => w.PermitLimit);
        _longestWindow = _windows.Max(w => w.Window);
    }

    /// <summary>Number of conversations currently tracked (idle ones are forgotten after the longest window).</summary>
    public int TrackedConversations
    {
        get
        {
            lock (_lock)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>Waits until one more send to <paramref name="conversationId"/> stays within the limits, and claims it.</summary>
    public ValueTask WaitAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var delay = Reserve(conversationId);
        return delay <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(delay, _time, cancellationToken));
    }

    /// <summary>Claims the next send slot for the conversation and returns how long the caller must wait for it.</summary>
    public TimeSpan Reserve(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var key = ThreadKey(conversationId);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (++_reservations % SweepEvery == 0)
            {
                Sweep(now);
            }

            if (!_slots.TryGetValue(key, out var slots))
            {
                slots = new SlotHistory(_history);
                _slots[key] = slots;
            }

            // Slots are handed out in order, so the queue stays sorted; the k-th most recent slot bounds each window.
            var slot = now;
            if (slots.Count > 0 && slots.FromNewest(1) > slot)
            {
                slot = slots.FromNewest(1);
            }

            foreach (var window in _windows)
            {
                if (slots.Count >= window.PermitLimit)
                {
                    var earliest = slots.FromNewest(window.PermitLimit) + window.Window;
                    slot = earliest > slot ? earliest : slot;
                }
            }

            slots.Add(slot);
            return slot - now;
        }
    }

    /// <summary>Forgets conversations whose latest send is older than the longest window.</summary>
    private void Sweep(DateTimeOffset now)
    {
        List<string>? idle = null;
        foreach (var (key, slots) in _slots)
        {
            if (slots.Count == 0 || slots.FromNewest(1) + _longestWindow < now)
            {
                (idle ??= []).Add(key);
            }
        }

        idle?.ForEach(key => _slots.Remove(key));
    }

    /// <summary>A Teams channel reply thread id carries ";messageid=..."; the limit applies to the channel.</summary>
    internal static string ThreadKey(string conversationId)
    {
        var marker = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return marker > 0 ? conversationId[..marker] : conversationId;
    }

    /// <summary>
    /// The most recent send slots of one conversation in a ring that grows up to the longest limit (the oldest is
    /// overwritten after that), so a quiet conversation costs a few bytes, not the hour's 1800 slots.
    /// </summary>
    private sealed class SlotHistory(int capacity)
    {
        private DateTimeOffset[] _ring = new DateTimeOffset[Math.Min(8, capacity)];
        private int _next;

        public int Count { get; private set; }

        public void Add(DateTimeOffset slot)
        {
            if (Count == _ring.Length && _ring.Length < capacity)
            {
                // Unroll into a larger array, oldest first.
                var larger = new DateTimeOffset[Math.Min(_ring.Length * 2, capacity)];
                for (var i = 0; i < Count; i++)
                {
                    larger[i] = FromNewest(Count - i);
                }

                _ring = larger;
                _next = Count;
            }

            _ring[_next] = slot;
            _next = (_next + 1) % _ring.Length;
            Count = Math.Min(Count + 1, _ring.Length);
        }

        /// <summary>The k-th most recent slot (1 = newest); k must be between 1 and Count.</summary>
        public DateTimeOffset FromNewest(int k) => _ring[((_next - k) % _ring.Length + _ring.Length) % _ring.Length];
    }
}
