using System.Diagnostics;
using System.Runtime;
using System.Net;
using System.Text.Json;
using B12Bot.Bench;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using B12Bot.Hosting;
using BotRuntime.AspNetCore;
using BotRuntime.Builder;
using BotRuntime.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Activity = BotRuntime.Schema.Activity;

namespace BotRuntime.Benchmarks;

/// <summary>
/// The cost of one B12Bot turn, mostly without the sentence-embedding model doing work (repeated questions hit its cache,
/// button presses and the welcome never reach it; distinct questions run it for the quarter the first stage leaves
/// undecided, one text per call), in-process and load-independent: the real host application
/// (<see cref="B12BotApplication"/>, its whole turn pipeline) driven through <see cref="BotHttpAdapter"/> one turn at a
/// time, as /api/messages runs it (request JSON in, replies JSON out) without Kestrel. Prints CPU time and allocated bytes per turn (process CPU:
/// it includes the SQLite writer's thread, the GC and any late JIT work, printed beside it), then the cost of the two stages every message goes through (the
/// safety triage and the FAQ matcher) on their own. Wall time is printed too but on a busy machine mostly measures
/// waiting for a core.
/// </summary>
internal static class B12TurnCostBenchmark
{
    private const int Conversations = 32;

    /// <param name="only">Runs only the scenarios whose name contains this (e.g. to profile one), or all when null.</param>
    public static async Task RunAsync(TimeSpan warmUp, TimeSpan measure, string? only = null)
    {
        var questions = BenchTurns.DevSetQuestions(BenchTurns.FindRepositoryRoot());
        var directory = Path.Combine(Path.GetTempPath(), "b12bot-turncost-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var apps = new List<WebApplication>();
        try
        {
            var scenarios = new List<Scenario>();
            foreach (var provider in new[] { "Memory", "Sqlite" })
            {
                var app = B12BotApplication.Build(
                [
                    "--urls", "http://127.0.0.1:0", "--environment", "Development",
                    "--BotState:Provider", provider, "--BotState:SqlitePath", Path.Combine(directory, "state.db"),
                    "--B12Bot:Content:ReloadOnChange", "false", "--Logging:LogLevel:Default", "Warning",
                    "--DirectLine:TokenSigningKey", Convert.ToHexString(new byte[32]),
                ]);
                apps.Add(app);
                await app.StartAsync().ConfigureAwait(false);
                var adapter = app.Services.GetRequiredService<BotHttpAdapter>();
                var bot = app.Services.GetRequiredService<IBot>();
                var snapshot = app.Services.GetRequiredService<B12ContentSource>().Current;
                var titles = snapshot.Content.Faq.Select(e => e.Title).ToArray();
                var run = Guid.NewGuid().ToString("N")[..8];
                scenarios.Add(Turns(adapter, bot, $"repeated FAQ question, returning conversation, {provider}", i => BenchTurns.Message(questions[(int)(i % questions.Count)], $"r-{run}-{i % Conversations}")));
                scenarios.Add(Turns(adapter, bot, $"button press (FAQ title), returning conversation, {provider}", i => BenchTurns.Message(titles[(int)(i % titles.Length)], $"b-{run}-{i % Conversations}")));
                // Every text new (no cache answers it): the first stage for all, the sentence-embedding model, alone, for
                // the quarter it leaves undecided. Under load those share model calls and cost less each.
                scenarios.Add(Turns(adapter, bot, $"distinct FAQ question, returning conversation, {provider}", i => BenchTurns.Message(PatientQuestionGenerator.Compose(i), $"d-{run}-{i % Conversations}")));
                scenarios.Add(Turns(adapter, bot, $"new conversation: FAQ question as first turn, {provider}", i => BenchTurns.Message(questions[(int)(i % questions.Count)], $"n-{run}-{i}")));
                scenarios.Add(Turns(adapter, bot, $"new conversation: welcome (conversationUpdate), {provider}", i => BenchTurns.Welcome($"w-{run}-{i}")));
                if (provider == "Memory")
                {
                    scenarios.AddRange(Stages(snapshot.Triage, snapshot.Matcher, questions, titles));
                }
            }

            scenarios.RemoveAll(s => only is not null && !s.Name.Contains(only, StringComparison.OrdinalIgnoreCase));

            // Warm every scenario before measuring any: tiered JIT recompiles hot methods on a background thread, and
            // shared code (JSON, pipeline) must be at its final tier for every row alike.
            foreach (var scenario in scenarios)
            {
                await Measure(scenario.Run, warmUp, TimeSpan.Zero).ConfigureAwait(false);
            }

            // Once more, now that shared code has settled: a later scenario may have sent a shared method to a new tier.
            foreach (var scenario in scenarios)
            {
                await Measure(scenario.Run, TimeSpan.FromMilliseconds(1), TimeSpan.Zero).ConfigureAwait(false);
            }

            Console.WriteLine($"== One B12Bot turn through the adapter (model work only in the distinct rows), load average {LoadAverage()} ==");
            Console.WriteLine($"{"scenario",-62} {"turns",7} {"wall µs",9} {"CPU µs",8} {"bytes",8} {"JIT ms",7}");
            foreach (var scenario in scenarios)
            {
                (await Measure(scenario.Run, TimeSpan.Zero, measure).ConfigureAwait(false)).Print(scenario.Name);
            }

            Console.WriteLine($"load average after: {LoadAverage()}");
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.StopAsync().ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file the host still holds: the temp folder is cleaned up by the system.
            }
        }
    }

    /// <summary>Where the next run's turn numbers start: a measured run never reuses the warm-up's new conversations.</summary>
    private static long _next;

    /// <summary>
    /// A turn as POST /api/messages runs it (request JSON parsed, authenticated, turn, replies written as JSON) on an
    /// in-memory request; a turn without a reply stops the benchmark (it would measure a failure).
    /// </summary>
    private static Scenario Turns(BotHttpAdapter adapter, IBot bot, string name, Func<long, Activity> activity) =>
        new(name, async i =>
        {
            var context = new DefaultHttpContext();
            context.Request.Method = HttpMethods.Post;
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(activity(i), BotJsonContext.Default.Activity));
            context.Connection.RemoteIpAddress = IPAddress.Loopback;
            var body = new MemoryStream();
            context.Response.Body = body;
            await adapter.ProcessAsync(context, bot).ConfigureAwait(false);
            await context.Response.BodyWriter.FlushAsync().ConfigureAwait(false);
            if (context.Response.StatusCode != StatusCodes.Status200OK || body.Length < 20)
            {
                throw new InvalidOperationException($"{name}: turn {i} got {context.Response.StatusCode} and {body.Length} bytes.");
            }
        });

    /// <summary>The safety triage and the FAQ matcher on their own, over the same texts as the turns.</summary>
    private static IEnumerable<Scenario> Stages(SafetyTriage triage, FaqMatcher matcher, IReadOnlyList<string> questions, string[] titles) =>
    [
        new("stage: safety triage, FAQ question", i => { triage.Screen(questions[(int)(i % questions.Count)]); return ValueTask.CompletedTask; }),
        new("stage: FAQ matcher, FAQ question (repeated text)", async i => await matcher.MatchAsync(questions[(int)(i % questions.Count)]).ConfigureAwait(false)),
        new("stage: FAQ matcher, distinct question (model alone for some)", async i => await matcher.MatchAsync(PatientQuestionGenerator.Compose(i)).ConfigureAwait(false)),
        new("stage: safety triage, button title", i => { triage.Screen(titles[(int)(i % titles.Length)]); return ValueTask.CompletedTask; }),
        new("stage: FAQ matcher, button title (repeated text)", async i => await matcher.MatchAsync(titles[(int)(i % titles.Length)]).ConfigureAwait(false)),
    ];

    /// <summary>
    /// Runs turns for at least <paramref name="warmUp"/> and then until the JIT has compiled nothing new for half a
    /// second (at most a minute: on a busy machine tiered compilation takes long), then measures for
    /// <paramref name="measure"/>. The JIT's time during the measurement is printed beside it (wall time of its
    /// compilations, so not subtracted): a row with much of it was measured before the code settled.
    /// </summary>
    private static async Task<Figures> Measure(Func<long, ValueTask> turn, TimeSpan warmUp, TimeSpan measure)
    {
        long i = Interlocked.Add(ref _next, 1_000_000_000);
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = TimeSpan.Zero;
        while (clock.Elapsed < warmUp || (warmUp > TimeSpan.Zero && clock.Elapsed - quietSince < TimeSpan.FromMilliseconds(500) && clock.Elapsed < TimeSpan.FromMinutes(1)))
        {
            await turn(i++).ConfigureAwait(false);
            if (i % 16 == 0 && JitInfo.GetCompiledMethodCount() is var now && now != compiled)
            {
                compiled = now;
                quietSince = clock.Elapsed;
            }
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var jitBefore = JitInfo.GetCompilationTime();
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var first = i;
        clock.Restart();
        while (clock.Elapsed < measure || i == first)
        {
            await turn(i++).ConfigureAwait(false);
        }

        var wall = clock.Elapsed;
        process.Refresh();
        var turns = i - first;
        var jit = JitInfo.GetCompilationTime() - jitBefore;
        return new Figures(turns, wall.TotalMicroseconds / turns, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / turns, (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / turns, jit.TotalMilliseconds);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Scenario(string Name, Func<long, ValueTask> Run);

    private readonly record struct Figures(long Turns, double WallMicroseconds, double CpuMicroseconds, long Bytes, double JitMilliseconds)
    {
        public void Print(string name) =>
            Console.WriteLine($"{name,-62} {Turns,7} {WallMicroseconds,9:F1} {CpuMicroseconds,8:F1} {Bytes,8} {JitMilliseconds,7:F0}");
    }
}
