using System.Numerics.Tensors;
using System.Text.Json;
using B12Bot.Bench;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.LoadTest;

/// <summary>
/// How near the static word-piece vector of a whole message comes to each safety class's examples, against how near the
/// model's vector comes: on the messages of the eval sets (held-out sets left out: test-set, safety-holdout-*) that the
/// backstop screens whole, and on the bench's distinct questions it screens. For fitting a static pre-check that skips
/// the model when no class could be raised. Prints figures only (no message text).
/// </summary>
internal static class BackstopPreCheckProfile
{
    public static void Run(string repoRoot)
    {
        var dialogs = Path.Combine(repoRoot, "dialogs");
        var content = B12ContentLoader.Load(dialogs, B12ContentLoader.DefaultEmergencyNumber);
        var model = UnderstandingModel.Load(Path.Combine(dialogs, UnderstandingModel.FileName));
        using var embedder = new MiniLmSentenceEmbedder(new SentenceEmbedderOptions { IntraOpThreads = 1 }, NullLogger<MiniLmSentenceEmbedder>.Instance);
        embedder.Loaded.GetAwaiter().GetResult();
        var saved = ContentEmbeddingCache.Load(Path.Combine(dialogs, ContentEmbeddingCache.FileName), embedder);
        var staticEmbedder = StaticSentenceEmbedder.Instance;
        var matcher = new FaqMatcher(content, embedder, model, saved, staticEmbedder);
        var triage = new SafetyTriage(content.Safety, matcher.Analyzer.IsKnownWord, LearnedSafetyReading.LoadFrom(dialogs, LearnedReadingKind.Crisis),
            LearnedSafetyReading.LoadFrom(dialogs, LearnedReadingKind.Emergency));
        var rules = content.Safety.Backstop;
        var backstop = new SafetyBackstop(rules, matcher, embedder, saved, staticEmbedder);
        var classes = rules.Classes.Where(c => c.Class != TriageClass.None).ToArray();
        var staticExamples = classes.Select(c => staticEmbedder.EmbedBatch(c.Examples).ToArray()).ToArray();

        var setTexts = Directory.GetFiles(Path.Combine(repoRoot, "eval"), "*.json")
            .Where(f => Path.GetFileName(f) is var name && name != "test-set.json" && !name.Contains("holdout", StringComparison.Ordinal))
            .SelectMany(Strings).Distinct(StringComparer.Ordinal).ToArray();
        var bench = Enumerable.Range(0, 2_000).Select(i => PatientQuestionGenerator.Compose(1_000_000L + (i * 7919L))).ToArray();
        foreach (var (label, texts) in new[] { ("eval sets (no held-out)", setTexts), ("bench distinct", bench) })
        {
            // Per class: (model similarity, static similarity) of every screened message.
            var pairs = classes.Select(_ => new List<(double Model, double Static)>()).ToArray();
            var screened = 0;
            foreach (var text in texts)
            {
                if (!triage.Screen(text).IsNone || string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var match = matcher.MatchAsync(text).AsTask().GetAwaiter().GetResult();
                if (!backstop.NeedsScreening(match) || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < rules.MinimumWords)
                {
                    continue;
                }

                screened++;
                var similarities = backstop.SimilaritiesAsync(text).AsTask().GetAwaiter().GetResult();
                var vector = staticEmbedder.Embed(text);
                for (var c = 0; c < classes.Length; c++)
                {
                    var near = staticExamples[c].Max(e => (double)TensorPrimitives.Dot(vector, e));
                    pairs[c].Add((similarities[classes[c].Class], near));
                }
            }

            Console.WriteLine($"{label}: {texts.Length} messages, {screened} screened whole");
            for (var c = 0; c < classes.Length; c++)
            {
                var reaching = pairs[c].Where(p => p.Model >= classes[c].Threshold).Select(p => p.Static).Order().ToArray();
                var nearReaching = pairs[c].Where(p => p.Model >= classes[c].Threshold - 0.05).Select(p => p.Static).Order().ToArray();
                var all = pairs[c].Select(p => p.Static).Order().ToArray();
                string Q(double[] a, double q) => a.Length == 0 ? "-" : a[(int)Math.Min(a.Length - 1, q * a.Length)].ToString("F3");
                Console.WriteLine($"  {classes[c].Class} (threshold {classes[c].Threshold:F2}): {reaching.Length} reach it by the model, their static similarity lowest {string.Join(" ", reaching.Take(5).Select(s => s.ToString("F3")))}; "
                                  + $"{nearReaching.Length} within 0.05 of it, lowest static {string.Join(" ", nearReaching.Take(5).Select(s => s.ToString("F3")))}; "
                                  + $"all screened: static quantiles 10% {Q(all, 0.1)} 50% {Q(all, 0.5)} 90% {Q(all, 0.9)} max {Q(all, 1)}");
            }

            foreach (var cut in new[] { 0.30, 0.35, 0.40, 0.45, 0.50, 0.55 })
            {
                var below = Enumerable.Range(0, screened).Count(i => Enumerable.Range(0, classes.Length).All(c => pairs[c][i].Static < cut + (classes[c].Threshold - 0.51)));
                Console.WriteLine($"  pre-check at class threshold - {0.51 - cut:F2}: {below} of {screened} screened messages would skip the model");
            }
        }
    }

    private static IEnumerable<string> Strings(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var found = new List<string>();
        void Walk(JsonElement element, string? key)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name != "about")
                        {
                            Walk(property.Value, property.Name);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, key);
                    }

                    break;
                case JsonValueKind.String when key is not ("expect" or "topic" or "id" or "kind" or "intent"):
                    found.Add(element.GetString()!);
                    break;
            }
        }

        Walk(document.RootElement, null);
        return found;
    }
}
