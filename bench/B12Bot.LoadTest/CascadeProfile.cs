using System.Diagnostics;
using B12Bot.Bench;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.LoadTest;

/// <summary>
/// The understanding cascade in-process, on the bench's distinct patient-style questions: CPU time of one thread per
/// message for each stage (lexical evidence, the static first stage, the sentence-embedding model for the messages the
/// first stage leaves undecided), the share of messages that reach the model, and the whole matcher with and without
/// the cascade. CPU time of the measuring thread, so other work on a shared machine does not count. Prints figures only.
/// </summary>
internal static class CascadeProfile
{
    private const int Messages = 2_000;

    public static void Run(string repoRoot)
    {
        var dialogs = Path.Combine(repoRoot, "dialogs");
        var content = B12ContentLoader.Load(dialogs, B12ContentLoader.DefaultEmergencyNumber);
        var model = UnderstandingModel.Load(Path.Combine(dialogs, UnderstandingModel.FileName));
        if (model.Cascade is null)
        {
            Console.WriteLine("the understanding model has no cascade band: refit it (build/refresh-understanding.sh)");
            return;
        }

        var clock = Stopwatch.StartNew();
        var staticEmbedder = StaticSentenceEmbedder.Instance;
        var tableMs = clock.Elapsed.TotalMilliseconds;
        var catalog = IntentCatalog.FromContent(content);
        var firstCpu = EmbedderProfile.ThreadCpuMs();
        var staticIndex = new SemanticIndex(catalog, staticEmbedder.EmbedBatch);
        firstCpu = EmbedderProfile.ThreadCpuMs() - firstCpu;
        var againCpu = EmbedderProfile.ThreadCpuMs();
        _ = new SemanticIndex(catalog, staticEmbedder.EmbedBatch);
        againCpu = EmbedderProfile.ThreadCpuMs() - againCpu;
        Console.WriteLine($"static table mapped in {tableMs:F1} ms wall ({staticEmbedder.Vocabulary} word pieces); the content's static vectors ({SemanticIndex.Texts(catalog).Count} texts): "
                          + $"{firstCpu:F0} ms CPU the first time in the process (as at start), {againCpu:F0} ms once compiled");

        var options = new SentenceEmbedderOptions { IntraOpThreads = 1, CacheCapacity = 0 };
        using var embedder = new MiniLmSentenceEmbedder(options, NullLogger<MiniLmSentenceEmbedder>.Instance);
        embedder.Loaded.GetAwaiter().GetResult();
        using var miniLm = new MiniLmModel(options);
        var saved = ContentEmbeddingCache.Load(Path.Combine(dialogs, ContentEmbeddingCache.FileName), embedder);
        var withCascade = new FaqMatcher(content, embedder, model, saved, staticEmbedder);
        var withoutCascade = new FaqMatcher(content, embedder, model, saved);
        var analyzer = withCascade.Analyzer;
        var lexicalScorer = new LexicalScorer(new LexicalIndex(catalog, content.Language, analyzer));
        var semanticIndex = new SemanticIndex(catalog, saved.Embed);
        var policy = new DecisionPolicy(catalog, model);
        var texts = Enumerable.Range(0, Messages).Select(i => PatientQuestionGenerator.Compose(1_000_000L + (i * 7919L))).ToArray();

        // Warm every path once (JIT), then measure.
        foreach (var text in texts.Take(20))
        {
            Stages(text);
        }

        double lexicalMs = 0, staticMs = 0, decideMs = 0, modelMs = 0;
        var undecided = 0;
        foreach (var text in texts)
        {
            var (l, s, d, m) = Stages(text);
            lexicalMs += l;
            staticMs += s;
            decideMs += d;
            if (m is { } ms)
            {
                modelMs += ms;
                undecided++;
            }
        }

        var n = texts.Length;
        PartsOfTheReading(texts, staticEmbedder, staticIndex, semanticIndex, miniLm);
        Console.WriteLine($"{n} distinct bench questions; CPU per message: analysis + lexical {lexicalMs / n:F3} ms, static first stage (tokenize + table + index) {staticMs / n:F3} ms, "
                          + $"first-stage decision {decideMs / n:F3} ms; sentence-embedding model {(undecided == 0 ? 0 : modelMs / undecided):F2} ms for each of the {undecided} "
                          + $"({undecided / (double)n:P1}) the first stage left undecided");
        Console.WriteLine($"model CPU per message on average: {modelMs / n:F3} ms with the cascade against {(undecided == 0 ? 0 : modelMs / undecided):F2} ms without");

        // Under load the service embeds the messages waiting together, in calls of similar lengths (up to MaxBatchSize):
        // the same undecided messages, shared calls instead of one each.
        // A story that ends in a question is read twice by the model (whole text and question sentence, one call): what
        // the question sentence's reading costs on the undecided messages (the cost of reading it only when needed).
        var stories = texts.Where(text => !FirstStageDecides(text))
            .Select(text => (Whole: miniLm.Tokenize(text), Question: analyzer.Analyze(text).QuestionSentence))
            .Where(s => s.Question is not null).Select(s => (s.Whole, Question: miniLm.Tokenize(s.Question!))).ToArray();
        var wholeOnlyCpu = EmbedderProfile.ThreadCpuMs();
        foreach (var story in stories)
        {
            miniLm.Embed([story.Whole]);
        }

        wholeOnlyCpu = EmbedderProfile.ThreadCpuMs() - wholeOnlyCpu;
        var bothCpu = EmbedderProfile.ThreadCpuMs();
        foreach (var story in stories)
        {
            miniLm.Embed([story.Whole, story.Question]);
        }

        bothCpu = EmbedderProfile.ThreadCpuMs() - bothCpu;
        Console.WriteLine($"{stories.Length} of the undecided messages are stories read twice by the model: {bothCpu / Math.Max(1, stories.Length):F2} ms CPU per call "
                          + $"for whole text and question sentence, {wholeOnlyCpu / Math.Max(1, stories.Length):F2} ms for the whole text alone "
                          + $"(the question sentence's reading: {(bothCpu - wholeOnlyCpu) / n:F3} ms per message on average)");

        var undecidedIds = texts.Where(text => !FirstStageDecides(text)).Select(miniLm.Tokenize).ToArray();
        foreach (var size in new[] { 4, 8, 16, 32 })
        {
            // As a worker under saturation takes them: up to `size` waiting messages in arrival order, planned into calls.
            var sharedCpu = EmbedderProfile.ThreadCpuMs();
            for (var taken = 0; taken < undecidedIds.Length; taken += size)
            {
                var waiting = undecidedIds[taken..Math.Min(undecidedIds.Length, taken + size)];
                foreach (var call in EmbeddingBatchPlanner.Plan([.. waiting.Select(ids => ids.Length)], size, options.MaxBatchTokens))
                {
                    miniLm.Embed([.. call.Select(i => waiting[i])]);
                }
            }

            sharedCpu = EmbedderProfile.ThreadCpuMs() - sharedCpu;
            Console.WriteLine($"the same {undecidedIds.Length} messages taken {size} at a time into shared model calls: {sharedCpu / Math.Max(1, undecidedIds.Length):F2} ms CPU each, {sharedCpu / n:F3} ms per message on average");
        }

        foreach (var (label, matcher) in new[] { ("whole matcher, cascade on", withCascade), ("whole matcher, cascade off", withoutCascade) })
        {
            var cpu = EmbedderProfile.ThreadCpuMs();
            var process = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var text in texts)
            {
                matcher.MatchAsync(text).AsTask().GetAwaiter().GetResult();
            }

            var processMs = (Process.GetCurrentProcess().TotalProcessorTime - process).TotalMilliseconds;
            var (decided, sent) = matcher.Routing;
            Console.WriteLine($"{label}: process CPU {processMs / n:F3} ms per message (this thread {(EmbedderProfile.ThreadCpuMs() - cpu) / n:F3} ms; the model runs on the embedder's worker), "
                              + $"{sent} of {decided + sent} reached the model");
        }

        SafetyBackstopCost(content, model, dialogs, staticEmbedder, texts);

        bool FirstStageDecides(string text)
        {
            var analyzed = analyzer.Analyze(text);
            var question = analyzed.QuestionSentence;
            var lexical = lexicalScorer.Score(analyzed);
            return model.Cascade!.Decides(policy.AssessFirstStage(lexical,
                (question is null ? staticIndex.Score(staticEmbedder.Embed(text)) : staticIndex.ScoreCloser(staticEmbedder.Embed(text), staticEmbedder.Embed(question)))), lexical);
        }

        (double Lexical, double Static, double Decide, double? Model) Stages(string text)
        {
            var t0 = EmbedderProfile.ThreadCpuMs();
            var analyzed = analyzer.Analyze(text);
            var lexical = lexicalScorer.Score(analyzed);
            var question = analyzed.QuestionSentence;
            var t1 = EmbedderProfile.ThreadCpuMs();
            var evidence = (question is null ? staticIndex.Score(staticEmbedder.Embed(text)) : staticIndex.ScoreCloser(staticEmbedder.Embed(text), staticEmbedder.Embed(question)));
            var t2 = EmbedderProfile.ThreadCpuMs();
            var firstStage = policy.AssessFirstStage(lexical, evidence);
            var decides = model.Cascade!.Decides(firstStage, lexical);
            var t3 = EmbedderProfile.ThreadCpuMs();
            double? modelMs = null;
            if (!decides)
            {
                // A story that ends in a question is read twice, in one model call (as the matcher does).
                var vectors = miniLm.Embed(question is null ? [miniLm.Tokenize(text)] : [miniLm.Tokenize(text), miniLm.Tokenize(question)]);
                policy.Decide(policy.Assess(lexical, (question is null ? semanticIndex.Score(vectors[0]) : semanticIndex.ScoreCloser(vectors[0], vectors[1]))));
                modelMs = EmbedderProfile.ThreadCpuMs() - t3;
            }

            return (t1 - t0, t2 - t1, t3 - t2, modelMs);
        }
    }

    /// <summary>
    /// The parts of one reading, CPU per call on this thread: the static embedding, scoring an embedding against the
    /// static index and the model's index (every phrasing vector; a story's two readings in one pass), the model's
    /// tokenizer, one model call of one text.
    /// </summary>
    private static void PartsOfTheReading(string[] texts, StaticSentenceEmbedder staticEmbedder, SemanticIndex staticIndex, SemanticIndex semanticIndex, MiniLmModel miniLm)
    {
        var sample = texts.Take(400).ToArray();
        var staticVectors = sample.Select(t => staticEmbedder.Embed(t)).ToArray();
        var ids = sample.Select(miniLm.Tokenize).ToArray();
        var modelVectors = ids.Take(100).Select(i => miniLm.Embed([i])[0]).ToArray();
        double Per(int count, Action<int> action)
        {
            var t = EmbedderProfile.ThreadCpuMs();
            for (var i = 0; i < count; i++)
            {
                action(i);
            }

            return (EmbedderProfile.ThreadCpuMs() - t) / count;
        }

        var embedMs = Per(sample.Length, i => staticEmbedder.Embed(sample[i]));
        var staticScoreMs = Per(sample.Length, i => staticIndex.Score(staticVectors[i]));
        var modelScoreMs = Per(sample.Length, i => semanticIndex.Score(modelVectors[i % modelVectors.Length]));
        var bothScoreMs = Per(sample.Length, i => semanticIndex.ScoreCloser(modelVectors[i % modelVectors.Length], modelVectors[(i + 1) % modelVectors.Length]));
        var tokenizeMs = Per(sample.Length, i => miniLm.Tokenize(sample[i]));
        var callMs = Per(100, i => miniLm.Embed([ids[i]]));
        Console.WriteLine($"parts, CPU per call: static embedding {embedMs:F3} ms, score against the static index {staticScoreMs:F3} ms, "
                          + $"against the model's index {modelScoreMs:F3} ms (two readings in one pass {bothScoreMs:F3} ms), model tokenizer {tokenizeMs:F3} ms, "
                          + $"one model call of one text {callMs:F2} ms");
    }

    /// <summary>
    /// The safety triage as the host runs it on the same questions: the rules, then the semantic backstop for what the
    /// rules leave alone. How many it screens, how many of those the first stage had decided without the model (the
    /// model calls it adds), how many it raised (every bench question is an FAQ-style question: each one is a false
    /// alarm), and the process CPU per message of matcher and backstop together. The host's embedding cache is on, so a
    /// message the matcher already sent to the model is not embedded again.
    /// </summary>
    private static void SafetyBackstopCost(B12Content content, UnderstandingModel model, string dialogs, StaticSentenceEmbedder staticEmbedder, string[] texts)
    {
        using var embedder = new MiniLmSentenceEmbedder(new SentenceEmbedderOptions { IntraOpThreads = 1 }, NullLogger<MiniLmSentenceEmbedder>.Instance);
        embedder.Loaded.GetAwaiter().GetResult();
        var saved = ContentEmbeddingCache.Load(Path.Combine(dialogs, ContentEmbeddingCache.FileName), embedder);
        var matcher = new FaqMatcher(content, embedder, model, saved, staticEmbedder);
        var triage = new SafetyTriage(content.Safety, matcher.Analyzer.IsKnownWord, LearnedSafetyReading.LoadFrom(dialogs, LearnedReadingKind.Crisis),
            LearnedSafetyReading.LoadFrom(dialogs, LearnedReadingKind.Emergency));
        var backstop = new SafetyBackstop(content.Safety.Backstop, matcher, embedder, saved, staticEmbedder);
        int byRules = 0, screened = 0, clausesCompared = 0, added = 0, raised = 0;
        var addedByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var text in texts)
        {
            if (!triage.Screen(text).IsNone)
            {
                byRules++;
                continue;
            }

            var sentBefore = matcher.Routing.SentToModel;
            var match = matcher.MatchAsync(text).AsTask().GetAwaiter().GetResult();
            if (backstop.NeedsScreening(match))
            {
                screened++;
                if (matcher.Routing.SentToModel == sentBefore)
                {
                    added++;
                    var kind = match.Kind == FaqMatchKind.Answer ? $"answer below {content.Safety.Backstop.ScreenAnswersBelow:0.##}" : match.Kind.ToString();
                    addedByKind[kind] = addedByKind.GetValueOrDefault(kind) + 1;
                }
            }

            if (match.Kind is not (FaqMatchKind.Command or FaqMatchKind.SmallTalk or FaqMatchKind.Empty))
            {
                // The clauses whose static vector comes near a crisis example: each one a model call.
                foreach (var clause in backstop.ClausesToCompare(text))
                {
                    clausesCompared++;
                    added++;
                    addedByKind["crisis clauses"] = addedByKind.GetValueOrDefault("crisis clauses") + 1;
                }
            }

            raised += backstop.ScreenAsync(text).AsTask().GetAwaiter().GetResult().IsNone ? 0 : 1;
        }

        var processMs = (Process.GetCurrentProcess().TotalProcessorTime - process).TotalMilliseconds;
        var (decided, sent) = matcher.Routing;
        Console.WriteLine($"safety rules + whole matcher (cascade on) + semantic backstop: process CPU {processMs / texts.Length:F3} ms per message; "
                          + $"rules raised {byRules}; the backstop screened {screened} of {texts.Length} ({screened / (double)texts.Length:P1}) "
                          + $"and compared {clausesCompared} clauses with the crisis examples (past the static pre-check), "
                          + $"{added} of them decided by the first stage (model calls added: {added / (double)texts.Length:P1} of messages), raised {raised}; "
                          + $"{sent + added} of {decided + sent} reached the model in all; the added calls by reading: {string.Join(", ", addedByKind.Select(k => $"{k.Key} {k.Value}"))}");
    }
}
