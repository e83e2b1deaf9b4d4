using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;

namespace B12Bot.Hosting;

/// <summary>
/// The milestones of this process's start (host built, content ready, listening, first turn warmed, model loaded, first
/// answer), each as time since the operating system started the process, with the CPU time the process had used and the
/// methods the JIT had compiled by then: one log line when the first request to /api/messages has been answered, the
/// moment a cold start is judged by. Process-wide, like the start it describes; marks after that line are ignored.
/// </summary>
internal static partial class StartupTimeline
{
    private static readonly Lazy<DateTime> ProcessStarted = new(() => Process.GetCurrentProcess().StartTime.ToUniversalTime());
    private static readonly ConcurrentQueue<string> Milestones = new();
    private static int reported;

    public static void Mark(string milestone)
    {
        if (Volatile.Read(ref reported) == 0)
        {
            Milestones.Enqueue(Describe(milestone));
        }
    }

    /// <summary>Logs the timeline once, after the first /api/messages request that got an answer.</summary>
    public static IApplicationBuilder UseStartupTimeline(this IApplicationBuilder app, ILogger logger) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (Volatile.Read(ref reported) == 0
                && context.Response.StatusCode == StatusCodes.Status200OK
                && context.Request.Path.StartsWithSegments("/api/messages", StringComparison.Ordinal))
            {
                var last = Describe("first answer");
                if (Interlocked.Exchange(ref reported, 1) == 0)
                {
                    LogTimeline(logger, string.Join("; ", [.. Milestones, last]));
                }
            }
        });

    private static string Describe(string milestone) =>
        $"{milestone} {(DateTime.UtcNow - ProcessStarted.Value).TotalMilliseconds:F0} ms (CPU {Environment.CpuUsage.TotalTime.TotalMilliseconds:F0} ms, "
        + $"{JitInfo.GetCompiledMethodCount()} methods JIT-compiled)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up timeline, from the process start: {Milestones}")]
    private static partial void LogTimeline(ILogger logger, string milestones);
}
