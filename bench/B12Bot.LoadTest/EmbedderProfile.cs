using System.Diagnostics;
using System.Runtime.InteropServices;
using B12Bot.Bench;
using B12Bot.Conversation.Understanding;
using Microsoft.ML.OnnxRuntime;

namespace B12Bot.LoadTest;

/// <summary>
/// Where one message's embedding spends its time, in CPU time of the calling thread (so other work on a shared machine
/// does not count): text preparation, the word-piece tokenizer, the model call; for several ONNX Runtime session
/// settings, one thread per call. Prints figures; asserts nothing.
/// </summary>
internal static partial class EmbedderProfile
{
    private const int Messages = 300;

    private static readonly (string Name, Action<SessionOptions>? Tune)[] Variants =
    [
        ("as shipped", null),
        ("spinning on", o => o.AddSessionConfigEntry("session.intra_op.allow_spinning", "1")),
        ("memory arena on", o => o.EnableCpuMemArena = true),
        ("memory arena and patterns on", o =>
        {
            o.EnableCpuMemArena = true;
            o.EnableMemoryPattern = true;
        }),
        ("denormals as zero", o => o.AddSessionConfigEntry("session.set_denormal_as_zero", "1")),
        ("graph: extended", o => o.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED),
        ("graph: basic", o => o.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC),
    ];

    public static void Run(string? only, string repoRoot)
    {
        if (only == "load")
        {
            ProfileLoad();
            return;
        }

        if (only is not null && only.StartsWith("ops", StringComparison.Ordinal))
        {
            // "ops": ONNX Runtime's own profile (a JSON file per run, op by op) of 300 messages in calls of 32 and alone.
            foreach (var size in new[] { 32, 1 })
            {
                var prefix = Path.Combine(Path.GetTempPath(), $"b12bot-ort-profile-{size}");
                using var profiled = new MiniLmModel(new SentenceEmbedderOptions(), o =>
                {
                    o.EnableProfiling = true;
                    o.ProfileOutputPathPrefix = prefix;
                });
                var ids = Enumerable.Range(0, Messages).Select(i => profiled.Tokenize(PatientQuestionGenerator.Compose(i * 7919L))).ToArray();
                foreach (var call in EmbeddingBatchPlanner.Plan([.. ids.Select(t => t.Length)], size, 4_096))
                {
                    profiled.Embed([.. call.Select(i => ids[i])]);
                }

                Console.WriteLine($"calls of up to {size}: profile written beside {prefix}*");
            }

            return;
        }

        if (only is not null && only.StartsWith("batching", StringComparison.Ordinal))
        {
            // "batching" for the built-in int8 model; "batching:FILE.onnx" for that file instead.
            Batching(repoRoot, only.Length > "batching:".Length ? File.ReadAllBytes(only["batching:".Length..]) : null);
            return;
        }

        if (only is not null && only.StartsWith("agreement", StringComparison.Ordinal))
        {
            // "agreement" compares the built-in int8 model with fp32; "agreement:FILE.onnx" compares that file instead.
            Agreement(repoRoot, only.Length > "agreement:".Length ? File.ReadAllBytes(only["agreement:".Length..]) : null);
            return;
        }

        var texts = Enumerable.Range(0, Messages).Select(i => PatientQuestionGenerator.Compose(i * 7919L)).ToArray();
        var shortTexts = Enumerable.Range(0, Messages).Select(i => ShortQuestions[i % ShortQuestions.Length] + new string('?', i % 3)).ToArray();
        foreach (var kind in Enum.GetValues<SentenceEmbeddingModel>())
        {
            var options = new SentenceEmbedderOptions { IntraOpThreads = 1, Model = kind };
            foreach (var (name, tune) in Variants.Where(v => only is null || v.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
            {
                var loadStarted = ThreadCpuMs();
                var loadClock = Stopwatch.StartNew();
                using var model = new MiniLmModel(options, tune);
                var loadCpu = ThreadCpuMs() - loadStarted;
                Console.WriteLine($"-- {kind}, {name}: session built in {loadClock.Elapsed.TotalMilliseconds:F0} ms (this thread's CPU {loadCpu:F0} ms)");
                foreach (var (label, set) in new[] { ("patient-style (bench distinct)", texts), ("short question", shortTexts) })
                {
                    Measure(model, options, label, set);
                }
            }
        }
    }

    /// <summary>
    /// How closely the int8 model's vectors follow fp32's: cosine between the two vectors of every content text (the FAQ
    /// phrasings, titles, answers) and of the dev set's messages, and whether each dev message's nearest content text
    /// stays the same.
    /// </summary>
    private static void Agreement(string repoRoot, byte[]? candidate)
    {
        var content = B12Bot.Conversation.Content.B12ContentLoader.Load(Path.Combine(repoRoot, "dialogs"), B12Bot.Conversation.Content.B12ContentLoader.DefaultEmergencyNumber);
        var contentTexts = SemanticIndex.Texts(IntentCatalog.FromContent(content)).Distinct(StringComparer.Ordinal).ToArray();
        using var dev = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(repoRoot, "eval", "dev-set-v3.json")));
        var messages = new List<string>();
        Collect(dev.RootElement, messages);
        using var fp32 = new MiniLmModel(new SentenceEmbedderOptions { Model = SentenceEmbeddingModel.Fp32 });
        using var int8 = new MiniLmModel(new SentenceEmbedderOptions { Model = SentenceEmbeddingModel.Int8 }, modelBytes: candidate);
        float[][] EmbedAll(MiniLmModel model, IEnumerable<string> set) => [.. set.Select(text => model.Embed([model.Tokenize(text)])[0])];
        var contentFp32 = EmbedAll(fp32, contentTexts);
        var contentInt8 = EmbedAll(int8, contentTexts);
        var messagesFp32 = EmbedAll(fp32, messages);
        var messagesInt8 = EmbedAll(int8, messages);
        var contentCosines = contentFp32.Zip(contentInt8, (a, b) => System.Numerics.Tensors.TensorPrimitives.Dot<float>(a, b)).Order().ToArray();
        var messageCosines = messagesFp32.Zip(messagesInt8, (a, b) => System.Numerics.Tensors.TensorPrimitives.Dot<float>(a, b)).Order().ToArray();
        Console.WriteLine($"content texts ({contentCosines.Length}): cosine fp32·int8 mean {contentCosines.Average():F4}, min {contentCosines[0]:F4}, 1st percentile {contentCosines[contentCosines.Length / 100]:F4}");
        Console.WriteLine($"dev-set messages ({messageCosines.Length}): cosine fp32·int8 mean {messageCosines.Average():F4}, min {messageCosines[0]:F4}, 1st percentile {messageCosines[messageCosines.Length / 100]:F4}");
        static int Nearest(float[] message, float[][] candidates)
        {
            var best = 0;
            for (var i = 1; i < candidates.Length; i++)
            {
                if (System.Numerics.Tensors.TensorPrimitives.Dot<float>(message, candidates[i]) > System.Numerics.Tensors.TensorPrimitives.Dot<float>(message, candidates[best]))
                {
                    best = i;
                }
            }

            return best;
        }

        var same = messagesFp32.Select((m, i) => Nearest(m, contentFp32) == Nearest(messagesInt8[i], contentInt8)).Count(x => x);
        Console.WriteLine($"dev-set messages whose nearest content text is the same under both models: {same} of {messages.Count}");
    }

    /// <summary>
    /// Texts sharing a model call: how far each text's vector in a shared call is from its vector alone (largest 1 - cosine
    /// and largest component difference; calls of mixed lengths, so with much padding, as well as calls planned by
    /// length as the service plans them), then CPU per message for calls of 1 to 32 texts planned by length, with one
    /// thread per call and with two.
    /// </summary>
    private static void Batching(string repoRoot, byte[]? candidate)
    {
        var texts = Enumerable.Range(0, Messages).Select(i => PatientQuestionGenerator.Compose(i * 7919L)).ToList();
        using (var dev = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(repoRoot, "eval", "dev-set-v5.json"))))
        {
            Collect(dev.RootElement, texts);
        }

        var options = new SentenceEmbedderOptions { IntraOpThreads = 1 };
        using var model = new MiniLmModel(options, modelBytes: candidate);
        var tokenized = texts.Select(model.Tokenize).ToArray();
        var alone = tokenized.Select(ids => model.Embed([ids])[0]).ToArray();
        foreach (var (label, calls) in new[]
        {
            ("calls of 32 in arrival order (mixed lengths, much padding)", Enumerable.Range(0, (tokenized.Length + 31) / 32).Select(c => Enumerable.Range(c * 32, Math.Min(32, tokenized.Length - (c * 32))).ToArray()).ToList()),
            ("calls planned by length as the service does", EmbeddingBatchPlanner.Plan([.. tokenized.Select(ids => ids.Length)], options.MaxBatchSize, options.MaxBatchTokens)),
        })
        {
            double worstCosine = 0, worstComponent = 0;
            foreach (var call in calls)
            {
                var shared = model.Embed([.. call.Select(i => tokenized[i])]);
                for (var j = 0; j < call.Length; j++)
                {
                    var solo = alone[call[j]];
                    worstCosine = Math.Max(worstCosine, 1 - System.Numerics.Tensors.TensorPrimitives.Dot<float>(solo, shared[j]));
                    for (var d = 0; d < solo.Length; d++)
                    {
                        worstComponent = Math.Max(worstComponent, Math.Abs(solo[d] - shared[j][d]));
                    }
                }
            }

            Console.WriteLine($"{texts.Count} texts ({tokenized.Average(ids => ids.Length):F1} word pieces on average), {label}: largest 1 - cosine to the text alone {worstCosine:E2}, largest component difference {worstComponent:E2}");
        }

        var bench = tokenized.Take(Messages).ToArray();
        foreach (var (threads, arena) in new[] { (1, false), (1, true), (2, false) })
        {
            using var measured = threads == 1 && !arena ? null : new MiniLmModel(new SentenceEmbedderOptions { IntraOpThreads = threads }, o => o.EnableCpuMemArena = arena, candidate);
            var run = measured ?? model;
            Console.WriteLine($"-- {threads} thread(s) per call, memory arena {(arena ? "on" : "off (as shipped)")}");
            foreach (var size in new[] { 1, 4, 8, 16, 32 })
            {
                var plan = EmbeddingBatchPlanner.Plan([.. bench.Select(ids => ids.Length)], size, options.MaxBatchTokens);
                run.Embed([.. plan[0].Select(i => bench[i])]);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                foreach (var call in plan)
                {
                    run.Embed([.. call.Select(i => bench[i])]);
                }

                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / bench.Length;
                Console.WriteLine($"   calls of up to {size,2} (planned by length, {plan.Count} calls): process CPU {cpuMs:F2} ms per message, wall {clock.Elapsed.TotalMilliseconds / bench.Length:F2} ms; process resident {Machine.ResidentMiB(Environment.ProcessId):F0} MiB");
            }
        }
    }

    /// <summary>Every message string of the dev set: strings in arrays, except the expected answer fragments.</summary>
    private static void Collect(System.Text.Json.JsonElement element, List<string> messages, string? property = null)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == System.Text.Json.JsonValueKind.String && property != "expect")
                {
                    messages.Add(item.GetString()!);
                }
                else
                {
                    Collect(item, messages, property);
                }
            }
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var child in element.EnumerateObject())
            {
                Collect(child.Value, messages, child.Name);
            }
        }
    }

    /// <summary>The model load stage by stage: reading the resource, building the session (per graph level), the clean-up.</summary>
    private static void ProfileLoad()
    {
        foreach (var level in new[] { GraphOptimizationLevel.ORT_ENABLE_ALL, GraphOptimizationLevel.ORT_ENABLE_BASIC, GraphOptimizationLevel.ORT_ENABLE_ALL, GraphOptimizationLevel.ORT_ENABLE_BASIC, GraphOptimizationLevel.ORT_DISABLE_ALL })
        {
            var t0 = ThreadCpuMs();
            var w = Stopwatch.StartNew();
            var bytes = ModelResource.ReadModel(SentenceEmbeddingModel.Int8);
            var t1 = ThreadCpuMs();
            var w1 = w.Elapsed.TotalMilliseconds;
            using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = level };
            using var session = new InferenceSession(bytes, options);
            var t2 = ThreadCpuMs();
            var w2 = w.Elapsed.TotalMilliseconds;
            ModelResource.ReleaseReadCopy();
            var t3 = ThreadCpuMs();
            var w3 = w.Elapsed.TotalMilliseconds;
            Console.WriteLine($"   {level}: read resource {t1 - t0:F0} ms CPU ({w1:F0} wall), session {t2 - t1:F0} ms CPU ({w2 - w1:F0} wall), release copy {t3 - t2:F0} ms CPU ({w3 - w2:F0} wall)");
        }
    }

    private static readonly string[] ShortQuestions =
    [
        "does the injection hurt", "how often do I need the shot", "can I drink alcohol after", "is it safe when pregnant",
        "what are the side effects", "where does the needle go", "how long does it last", "can I exercise after my shot",
    ];

    private static void Measure(MiniLmModel model, SentenceEmbedderOptions options, string label, string[] texts)
    {
        // Warm: JIT, the session's first-run allocations for these shapes.
        foreach (var text in texts.Take(20))
        {
            model.Embed([model.Tokenize(text)]);
        }

        double prepare = 0, tokenize = 0, embed = 0, tokens = 0;
        var clock = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            var t0 = ThreadCpuMs();
            var prepared = EmbeddingText.Prepare(text, options.MaxCharacters);
            var t1 = ThreadCpuMs();
            var ids = model.TokenizePrepared(prepared);
            var t2 = ThreadCpuMs();
            model.Embed([ids]);
            var t3 = ThreadCpuMs();
            prepare += t1 - t0;
            tokenize += t2 - t1;
            embed += t3 - t2;
            tokens += ids.Length;
        }

        var wall = clock.Elapsed.TotalMilliseconds / texts.Length;
        var n = texts.Length;

        // The same texts, 32 per model call, padded to the longest of each call.
        var batchCpu = ThreadCpuMs();
        var tokenized = texts.Select(model.Tokenize).ToArray();
        for (var i = 0; i < tokenized.Length; i += 32)
        {
            model.Embed(tokenized.Skip(i).Take(32).ToArray());
        }

        var batched = (ThreadCpuMs() - batchCpu) / n;
        Console.WriteLine($"   {label}: {tokens / n:F1} word pieces; CPU per message: prepare {prepare / n:F3} ms, tokenize {tokenize / n:F3} ms, model {embed / n:F2} ms (wall {wall:F2} ms); in calls of 32: {batched:F2} ms CPU per message");
    }

    /// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID).</summary>
    internal static double ThreadCpuMs()
    {
        _ = ClockGetTime(3, out var spec);
        return (spec.Seconds * 1_000.0) + (spec.Nanoseconds / 1_000_000.0);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
