using B12Bot.Bench;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.LoadTest;

/// <summary>
/// The per-turn work besides the model, in-process, CPU of this thread per message: the safety rules, the analyzer, and
/// the matcher and the backstop when they have read the message before (a repeated question: the matcher's recent
/// readings and the embedder's cache answer), with the backstop's static clause pre-check alone. On the repeated
/// questions (eval/dev-set.json) and on the bench's distinct questions; first, how many of the semantic index's texts are
/// distinct (a duplicate row would be a scan to save). Prints figures only.
/// </summary>
internal static class TurnProfile
{
    public static void Run(string repoRoot)
    {
        var dialogs = Path.Combine(repoRoot, "dialogs");
        var content = B12ContentLoader.Load(dialogs, B12ContentLoader.DefaultEmergencyNumber);
        var model = UnderstandingModel.Load(Path.Combine(dialogs, UnderstandingModel.FileName));
        using var embedder = new MiniLmSentenceEmbedder(new SentenceEmbedderOptions { IntraOpThreads = 1 }, NullLogger<MiniLmSentenceEmbedder>.Instance);
        embedder.Loaded.GetAwaiter().GetResult();
        var saved = ContentEmbeddingCache.Load(Path.Combine(dialogs, ContentEmbeddingCache.FileName), embedder);
        var matcher = new FaqMatcher(content, embedder, model, saved, StaticSentenceEmbedder.Instance);
        var triage = new SafetyTriage(content.Safety, matcher.Analyzer.IsKnownWord, LearnedSafetyReading.LoadFrom(dialogs, LearnedReadingKind.Crisis),
            LearnedSafetyReading.LoadFrom(dialogs, LearnedReadingKind.Emergency));
        var backstop = new SafetyBackstop(content.Safety.Backstop, matcher, embedder, saved, StaticSentenceEmbedder.Instance);
        var indexTexts = SemanticIndex.Texts(matcher.Catalog);
        Console.WriteLine($"semantic index: {indexTexts.Count} texts, {indexTexts.Distinct(StringComparer.Ordinal).Count()} distinct, {indexTexts.Select(t => EmbeddingText.Prepare(t, 1_000)).Distinct(StringComparer.Ordinal).Count()} distinct as the model reads them");
        var repeated = BenchTurns.DevSetQuestions(repoRoot).ToArray();
        var distinct = Enumerable.Range(0, 1_000).Select(i => PatientQuestionGenerator.Compose(3_000_000L + (i * 7919L))).ToArray();
        foreach (var (label, texts) in new[] { ("repeated (dev set)", repeated), ("distinct (bench)", distinct) })
        {
            // First pass reads every message (model included); the passes measured find them read.
            foreach (var text in texts)
            {
                backstop.ScreenAsync(text).AsTask().GetAwaiter().GetResult();
            }

            const int Passes = 3;
            double Per(Action<string> action)
            {
                var best = double.MaxValue;
                for (var pass = 0; pass < Passes; pass++)
                {
                    var t = EmbedderProfile.ThreadCpuMs();
                    foreach (var text in texts)
                    {
                        action(text);
                    }

                    best = Math.Min(best, (EmbedderProfile.ThreadCpuMs() - t) / texts.Length);
                }

                return best;
            }

            var rules = Per(text => triage.Screen(text));
            var analyze = Per(text => matcher.Analyzer.Analyze(text));
            var match = Per(text => matcher.MatchAsync(text).AsTask().GetAwaiter().GetResult());
            var clauses = Per(text => backstop.ClausesToCompare(text));
            var screen = Per(text => backstop.ScreenAsync(text).AsTask().GetAwaiter().GetResult());
            Console.WriteLine($"{label}, {texts.Length} messages, CPU per message (best of {Passes}): safety rules {rules:F3} ms, analyzer {analyze:F3} ms, "
                              + $"matcher (read before) {match:F3} ms, backstop clause pre-check {clauses:F3} ms, backstop screen (read before, cache warm) {screen:F3} ms");
        }
    }
}
