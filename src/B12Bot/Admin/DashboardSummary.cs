using System.Text.Json;
using System.Text.Json.Serialization;

namespace B12Bot.Admin;

/// <summary>What /admin/api/summary returns: counts and medians only, never message text.</summary>
public sealed record DashboardSummary(
    string From,
    string To,
    IReadOnlyList<DaySummary> Days,
    PeriodTotals Totals,
    UnansweredSummary Unanswered);

/// <summary>One UTC day.</summary>
public sealed record DaySummary(
    string Date,
    long Conversations,
    IReadOnlyDictionary<string, long> Questions,
    long Escalations,
    IReadOnlyDictionary<string, long> Handoffs,
    double? MedianTurnMilliseconds,
    double? MedianHandoffWaitSeconds);

/// <summary>The whole period.</summary>
public sealed record PeriodTotals(
    long Conversations,
    IReadOnlyDictionary<string, long> Questions,
    IReadOnlyDictionary<string, long> Escalations,
    IReadOnlyDictionary<string, long> Walkthroughs,
    IReadOnlyDictionary<string, long> WalkthroughOutcomes,
    IReadOnlyDictionary<string, long> Handoffs,
    double? MedianTurnMilliseconds,
    double? MedianHandoffWaitSeconds);

/// <summary>
/// The unanswered and clarified questions of the opt-in transcript, grouped as the content editors' report groups them,
/// shown by size, outcomes and the nearest FAQ topic (the clinic's own title): the wordings stay in the transcript, for
/// the `unanswered` command on the host.
/// </summary>
public sealed record UnansweredSummary(bool TranscriptEnabled, string Note, long Questions, IReadOnlyList<UnansweredGroupSummary> Groups);

public sealed record UnansweredGroupSummary(int Rank, int Count, IReadOnlyDictionary<string, int> Outcomes, string? NearestTopic);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DashboardSummary))]
[JsonSerializable(typeof(DailyTally))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;

/// <summary>The sign-in form's body.</summary>
public sealed record SignInRequest(string? Key);
