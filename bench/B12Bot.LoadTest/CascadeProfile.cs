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
        Console.WriteLine($"{n} distinct bench questions; CPU per message: analysis + lexical {lexicalMs / n:F3} ms, static first stage (tokenize + table + index) {staticMs / n:F3} ms, "
                          + $"first-stage decision {decideMs / n:F3} ms; sentence-embedding model {(undecided == 0 ? 0 : modelMs / undecided):F2} ms for each of the {undecided} "
                          + $"({undecided / (double)n:P1}) the first stage left undecided");
        Console.WriteLine($"model CPU per message on average: {modelMs / n:F3} ms with the cascade against {(undecided == 0 ? 0 : modelMs / undecided):F2} ms without");

        // Under load the service embeds the messages waiting together, in calls of similar lengths (up to MaxBatchSize):
        // the same undecided messages, shared calls instead of one each.
        var undecidedIds = texts.Where(text => !model.Cascade!.Decides(FirstStage(text))).Select(miniLm.Tokenize).ToArray();
        foreach (var size in new[] { 8, options.MaxBatchSize })
        {
            var sharedCpu = EmbedderProfile.ThreadCpuMs();
            foreach (var call in EmbeddingBatchPlanner.Plan([.. undecidedIds.Select(ids => ids.Length)], size, options.MaxBatchTokens))
            {
                miniLm.Embed([.. call.Select(i => undecidedIds[i])]);
            }

            sharedCpu = EmbedderProfile.ThreadCpuMs() - sharedCpu;
            Console.WriteLine($"the same {undecidedIds.Length} messages in shared model calls of up to {size}: {sharedCpu / Math.Max(1, undecidedIds.Length):F2} ms CPU each, {sharedCpu / n:F3} ms per message on average");
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

        IntentAssessment FirstStage(string text)
        {
            var analyzed = analyzer.Analyze(text);
            var question = analyzed.QuestionSentence;
            return policy.AssessFirstStage(lexicalScorer.Score(analyzed),
                staticIndex.Score(staticEmbedder.Embed(text)).CloserOf(question is null ? null : staticIndex.Score(staticEmbedder.Embed(question))));
        }

        (double Lexical, double Static, double Decide, double? Model) Stages(string text)
        {
            var t0 = EmbedderProfile.ThreadCpuMs();
            var analyzed = analyzer.Analyze(text);
            var lexical = lexicalScorer.Score(analyzed);
            var question = analyzed.QuestionSentence;
            var t1 = EmbedderProfile.ThreadCpuMs();
            var evidence = staticIndex.Score(staticEmbedder.Embed(text)).CloserOf(question is null ? null : staticIndex.Score(staticEmbedder.Embed(question)));
            var t2 = EmbedderProfile.ThreadCpuMs();
            var firstStage = policy.AssessFirstStage(lexical, evidence);
            var decides = model.Cascade!.Decides(firstStage);
            var t3 = EmbedderProfile.ThreadCpuMs();
            double? modelMs = null;
            if (!decides)
            {
                // A story that ends in a question is read twice, in one model call (as the matcher does).
                var vectors = miniLm.Embed(question is null ? [miniLm.Tokenize(text)] : [miniLm.Tokenize(text), miniLm.Tokenize(question)]);
                policy.Decide(policy.Assess(lexical, semanticIndex.Score(vectors[0]).CloserOf(question is null ? null : semanticIndex.Score(vectors[1]))));
                modelMs = EmbedderProfile.ThreadCpuMs() - t3;
            }

            return (t1 - t0, t2 - t1, t3 - t2, modelMs);
        }
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
        var triage = new SafetyTriage(content.Safety, matcher.Analyzer.IsKnownWord);
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
