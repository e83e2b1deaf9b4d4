using System.Globalization;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Understanding;
using B12Bot.Transcripts;
using Microsoft.Extensions.Options;

namespace B12Bot.Admin;

/// <summary>
/// Builds the dashboard's figures for the last N UTC days from the stored daily totals (after adding this instance's
/// unsaved counts), and the unanswered-question groups from the opt-in transcript (recomputed at most once a minute:
/// grouping embeds every stored question).
/// </summary>
public sealed partial class DashboardSummaryService(
    DashboardTotalsStore store,
    DashboardAggregator aggregator,
    IOptions<TranscriptOptions> transcript,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DashboardSummaryService> logger)
{
    public const int MaxDays = 366;
    public const int MaxGroups = 12;
    private static readonly TimeSpan GroupsFreshFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _grouping = new(1, 1);
    private (DateTimeOffset At, UnansweredSummary Summary)? _groups;

    public async Task<DashboardSummary> BuildAsync(int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        await aggregator.FlushAsync(cancellationToken).ConfigureAwait(false);
        var last = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = last.AddDays(1 - days);
        var tallies = await store.ReadAsync(first, last, cancellationToken).ConfigureAwait(false);

        var all = new DailyTally();
        foreach (var (_, tally) in tallies)
        {
            all.Add(tally);
        }

        return new DashboardSummary(
            Date(first),
            Date(last),
            [.. tallies.Select(d => new DaySummary(
                Date(d.Day),
                d.Tally.Conversations,
                d.Tally.Questions,
                d.Tally.Escalations.Values.Sum(),
                d.Tally.Handoffs,
                Round(LogBuckets.Median([d.Tally.TurnMilliseconds])),
                Round(LogBuckets.Median([d.Tally.HandoffWaitSeconds]))))],
            new PeriodTotals(
                all.Conversations,
                all.Questions,
                all.Escalations,
                all.Walkthroughs,
                all.WalkthroughOutcomes,
                all.Handoffs,
                Round(LogBuckets.Median([all.TurnMilliseconds])),
                Round(LogBuckets.Median([all.HandoffWaitSeconds]))),
            await UnansweredAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<UnansweredSummary> UnansweredAsync(CancellationToken cancellationToken)
    {
        if (!transcript.Value.Enabled)
        {
            return new UnansweredSummary(false, "The transcript is off (Transcript:Enabled=false): the unanswered questions are only ever taken from it, never from logs.", 0, []);
        }

        await _grouping.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_groups is { } cached && now - cached.At < GroupsFreshFor)
            {
                return cached.Summary;
            }

            var report = new UnansweredQuestionsReport(services.GetRequiredService<ITranscriptStore>(), services.GetRequiredService<ISentenceEmbedder>());
            IReadOnlyList<QuestionGroup> groups;
            try
            {
                groups = await report.BuildAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A shared transcript store that does not answer costs the groups, not the rest of the dashboard.
                LogTranscriptUnreadable(ex.GetType().Name);
                return new UnansweredSummary(true, "The transcript could not be read just now: the groups come back once its store answers.", 0, []);
            }

            var matcher = services.GetService<FaqMatcher>();
            var shown = new List<UnansweredGroupSummary>();
            foreach (var (group, index) in groups.Take(MaxGroups).Select((g, i) => (g, i)))
            {
                // The group is named by the clinic's nearest topic, so no visitor's wording reaches the page.
                string? nearest = null;
                if (matcher is not null)
                {
                    var match = await matcher.MatchAsync(group.Example, cancellationToken).ConfigureAwait(false);
                    nearest = (match.Entry ?? match.Alternatives.FirstOrDefault())?.Title;
                }

                shown.Add(new UnansweredGroupSummary(index + 1, group.Count, group.Outcomes, nearest));
            }

            var retention = transcript.Value.Retention is { } kept ? $"the last {kept.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} day(s)" : "the transcript's retention";
            var summary = new UnansweredSummary(true, $"From the opt-in transcript ({retention}); the wordings: `unanswered` command on the host.", groups.Sum(g => g.Count), shown);
            _groups = (now, summary);
            return summary;
        }
        finally
        {
            _grouping.Release();
        }
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, v < 10 ? 2 : 0) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard could not read the transcript for the unanswered groups ({ExceptionType})")]
    private partial void LogTranscriptUnreadable(string exceptionType);
}
