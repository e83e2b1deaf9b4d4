using System.Text.Json.Serialization;

namespace B12Bot.Admin;

/// <summary>
/// One UTC day of the dashboard's counts, as stored (one document per day). Every key is a fixed word (an outcome, a
/// class, an event) or a content id (a walkthrough outcome), and every value a count: no message text, no ids of people
/// or conversations. Instances add their counts into it (<see cref="Add"/>), so several hosts share one total.
/// </summary>
public sealed class DailyTally
{
    [JsonPropertyName("eTag")]
    public string? ETag { get; set; }

    public long Conversations { get; set; }

    /// <summary>Questions by outcome: answered, clarified, out_of_scope, not_understood, small_talk, command...</summary>
    public Dictionary<string, long> Questions { get; set; } = [];

    /// <summary>Safety escalations by class: emergency, crisis, poisoning, possible_reaction.</summary>
    public Dictionary<string, long> Escalations { get; set; } = [];

    /// <summary>Walkthrough events: started, finished, cancelled.</summary>
    public Dictionary<string, long> Walkthroughs { get; set; } = [];

    /// <summary>Finished walkthroughs by outcome id (from walkthrough.yaml).</summary>
    public Dictionary<string, long> WalkthroughOutcomes { get; set; } = [];

    /// <summary>Handoff events: requested, taken, not_taken, callback_offered, callback_left.</summary>
    public Dictionary<string, long> Handoffs { get; set; } = [];

    /// <summary>Waits until a handoff was taken, in seconds, as <see cref="LogBuckets"/> (bucket index to count).</summary>
    public Dictionary<string, long> HandoffWaitSeconds { get; set; } = [];

    /// <summary>Turn durations in milliseconds, as <see cref="LogBuckets"/>.</summary>
    public Dictionary<string, long> TurnMilliseconds { get; set; } = [];

    [JsonIgnore]
    public bool IsEmpty =>
        Conversations == 0 && Questions.Count == 0 && Escalations.Count == 0 && Walkthroughs.Count == 0 && WalkthroughOutcomes.Count == 0
        && Handoffs.Count == 0 && HandoffWaitSeconds.Count == 0 && TurnMilliseconds.Count == 0;

    /// <summary>Adds <paramref name="other"/>'s counts to this day's.</summary>
    public void Add(DailyTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Conversations += other.Conversations;
        AddAll(Questions, other.Questions);
        AddAll(Escalations, other.Escalations);
        AddAll(Walkthroughs, other.Walkthroughs);
        AddAll(WalkthroughOutcomes, other.WalkthroughOutcomes);
        AddAll(Handoffs, other.Handoffs);
        AddAll(HandoffWaitSeconds, other.HandoffWaitSeconds);
        AddAll(TurnMilliseconds, other.TurnMilliseconds);
    }

    public static void Increment(Dictionary<string, long> counts, string key, long by = 1)
    {
        ArgumentNullException.ThrowIfNull(counts);
        counts[key] = counts.GetValueOrDefault(key) + by;
    }

    private static void AddAll(Dictionary<string, long> into, Dictionary<string, long>? from)
    {
        foreach (var (key, count) in from ?? [])
        {
            Increment(into, key, count);
        }
    }
}

/// <summary>
/// Durations kept as counts in logarithmic buckets, four per doubling (each about 19% wide), so that a day's median can
/// be taken from totals added up across instances, to within about ±9%.
/// </summary>
public static class LogBuckets
{
    private const int PerDoubling = 4;
    private const int Lowest = -16;   // 1/16 of the unit
    private const int Highest = 80;   // 2^20 units

    public static string KeyOf(double value)
    {
        var index = value <= 0 ? Lowest : (int)Math.Ceiling(Math.Log2(value) * PerDoubling);
        return Math.Clamp(index, Lowest, Highest).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The middle value of the counted durations (a bucket's geometric middle), or null with nothing counted.</summary>
    public static double? Median(IEnumerable<Dictionary<string, long>> days)
    {
        var counts = new SortedDictionary<int, long>();
        foreach (var day in days)
        {
            foreach (var (key, count) in day)
            {
                if (int.TryParse(key, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var index) && count > 0)
                {
                    counts[index] = counts.GetValueOrDefault(index) + count;
                }
            }
        }

        var total = counts.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var half = (total + 1) / 2;
        long seen = 0;
        foreach (var (index, count) in counts)
        {
            seen += count;
            if (seen >= half)
            {
                return Math.Pow(2, (index - 0.5) / PerDoubling);
            }
        }

        return null;
    }
}
