using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace BotRuntime.Builder;

/// <summary>
/// Records each turn's shape (channel, activity type, duration, replies sent) as a log line at Debug and as metrics
/// on the "BotRuntime" meter. Message text, names and ids never leave the turn: they are health data.
/// </summary>
public sealed partial class TurnTelemetryMiddleware : IMiddleware
{
    public const string MeterName = "BotRuntime";

    /// <summary>The trace source: one "bot.turn" span per turn, tagged with channel, activity type and outcome.</summary>
    public const string ActivitySourceName = "BotRuntime";

    private static readonly ActivitySource Source = new(ActivitySourceName);
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("bot.turns", description: "Turns processed");
    private static readonly Counter<long> Replies = Meter.CreateCounter<long>("bot.replies", description: "Activities sent by the bot");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("bot.turn.duration", unit: "ms", description: "Turn duration");

    private readonly ILogger<TurnTelemetryMiddleware> _logger;

    public TurnTelemetryMiddleware(ILogger<TurnTelemetryMiddleware> logger) => _logger = logger;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        using var span = Source.StartActivity("bot.turn", ActivityKind.Internal);
        var started = Stopwatch.GetTimestamp();
        var sent = 0;
        turnContext.OnSendActivities(async (ctx, activities, nextSend) =>
        {
            sent += activities.Count;
            return await nextSend().ConfigureAwait(false);
        });

        var outcome = "ok";
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var channel = new KeyValuePair<string, object?>("channel", turnContext.Activity.ChannelId);
            var type = new KeyValuePair<string, object?>("type", turnContext.Activity.Type);
            var result = new KeyValuePair<string, object?>("outcome", outcome);
            Turns.Add(1, channel, type, result);
            Replies.Add(sent, channel);
            Duration.Record(elapsed, channel, type);
            if (span is not null)
            {
                span.SetTag("bot.channel", turnContext.Activity.ChannelId);
                span.SetTag("bot.activity_type", turnContext.Activity.Type);
                span.SetTag("bot.replies", sent);
                span.SetTag("bot.outcome", outcome);
                if (outcome == "error")
                {
                    span.SetStatus(ActivityStatusCode.Error);
                }
            }

            LogTurn(turnContext.Activity.ChannelId, turnContext.Activity.Type, elapsed, sent, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn on {ChannelId} ({ActivityType}) took {ElapsedMs:F1} ms, {Replies} replies, {Outcome}")]
    private partial void LogTurn(string? channelId, string? activityType, double elapsedMs, int replies, string outcome);
}
