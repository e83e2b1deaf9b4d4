using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;
using B12Bot.Conversation.Understanding;
using B12Bot.ModelFit;
using Microsoft.Extensions.Logging.Abstractions;

// Fits the understanding model: dotnet run --project eval/B12Bot.ModelFit -c Release [-- --precision 0.91 --out-of-scope-recall 0.98]
// (with `-- crisis` or `-- emergency`: a learned reading of the safety triage instead, see LearnedReadingFit).
// Training examples: every phrasing of every intent, scored against an index built without it (k-fold over the
// phrasings), plus the FAQ, walkthrough-start and out-of-scope messages of eval/dev-set-v2.json to eval/dev-set-v8.json
// (--dev a.json,b.json for others). Never eval/test-set.json or a fresh- or holdout batch.
var root = typeof(FitOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
if (args is [var scoreCommand, var scoreFile] && scoreCommand.EndsWith("-score", StringComparison.Ordinal)
    && LearnedReadingFit.KindNamed(scoreCommand[..^"-score".Length]) is { } scoreKind)
{
    // Each message of the file (one a line) with the saved crisis or emergency model's probability (diagnostics).
    var reading = B12Bot.Conversation.Safety.LearnedSafetyReading.LoadFrom(Path.Combine(root, "dialogs"), scoreKind);
    foreach (var line in File.ReadLines(scoreFile).Where(l => !string.IsNullOrWhiteSpace(l)))
    {
        Console.WriteLine($"{reading.Probability(line):0.000}\t{line}");
    }

    return 0;
}

if (args is [var readingName, ..] && LearnedReadingFit.KindNamed(readingName) is { } kind)
{
    // A learned reading of the safety triage (dialogs/crisis-model.json, dialogs/emergency-model.json).
    return LearnedReadingFit.Run(root, kind);
}

var options = FitOptions.Parse(args);
var dialogs = Path.Combine(root, "dialogs");
var content = B12ContentLoader.Load(dialogs, "911");
using var embedder = new MiniLmSentenceEmbedder(new SentenceEmbedderOptions { CacheCapacity = 0 }, NullLogger<MiniLmSentenceEmbedder>.Instance);
var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
{
    var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
    var computed = embedder.EmbedBatch(missing);
    for (var i = 0; i < missing.Count; i++)
    {
        vectors[missing[i]] = computed[i];
    }

    return [.. texts.Select(t => vectors[t])];
}

// The cascade's first stage reads the same texts with static word-piece vectors (microseconds each, no cache needed).
var staticEmbedder = StaticSentenceEmbedder.Instance;

var analyzer = new TermAnalyzer(content.Language, LexicalIndex.VocabularyTexts(content));
var full = IntentCatalog.FromContent(content);
var examples = new List<Example>();

// 1. Phrasings (and examples, numbered after them), each scored against an index that does not contain it.
var phrasings = full.Intents.SelectMany(intent => intent.Phrasings.Concat(intent.Examples).Select((text, number) => (intent.Id, Number: number, Text: text))).ToList();
// Each phrasing's fold comes from its own text, not from its place in a shuffle of all of them: adding or removing one
// phrasing moves no other phrasing to another fold, so a small content edit changes few training examples.
var phrasingFold = phrasings.Select((p, i) => (i, fold: StableFold(p.Id + "\n" + p.Text, options.Seed, options.Folds))).ToDictionary(p => p.i, p => p.fold);
// The out-of-scope examples (dialogs/out-of-scope.yaml) are out-of-scope training messages too, each scored against an
// index without it, as the phrasings are. (Held out a whole subject at a time, they raised the scope threshold the fit
// chooses: out of scope the same on the unseen batches, FAQ 2-4 lower on every regression set.)
var outOfScopeExamples = content.OutOfScope.SelectMany(subject => subject.Examples).ToList();
var outOfScopeFold = outOfScopeExamples.Select(text => StableFold("(out of scope)\n" + text, options.Seed, options.Folds)).ToArray();
for (var fold = 0; fold < options.Folds; fold++)
{
    var heldOut = new HashSet<(string, int)>();
    for (var i = 0; i < phrasings.Count; i++)
    {
        if (phrasingFold[i] == fold)
        {
            heldOut.Add((phrasings[i].Id, phrasings[i].Number));
        }
    }

    var catalog = IntentCatalog.FromContent(content, (id, number) => !heldOut.Contains((id, number)), number => outOfScopeFold[number] != fold);
    var scorer = new LexicalScorer(new LexicalIndex(catalog, content.Language, analyzer));
    var semantic = new SemanticIndex(catalog, Embed);
    var staticSemantic = new SemanticIndex(catalog, staticEmbedder.EmbedBatch);
    for (var i = 0; i < phrasings.Count; i++)
    {
        if (phrasingFold[i] == fold)
        {
            examples.Add(Example.Score(phrasings[i].Text, [full.IndexOf(phrasings[i].Id)], "phrasing", analyzer, scorer, semantic, Embed, staticSemantic));
        }
    }

    for (var i = 0; i < outOfScopeExamples.Count; i++)
    {
        if (outOfScopeFold[i] == fold)
        {
            examples.Add(Example.Score(outOfScopeExamples[i], [], "out-of-scope example", analyzer, scorer, semantic, Embed, staticSemantic));
        }
    }
}

// 2. The dev set's messages, against the full index.
{
    var scorer = new LexicalScorer(new LexicalIndex(full, content.Language, analyzer));
    var semantic = new SemanticIndex(full, Embed);
    var staticSemantic = new SemanticIndex(full, staticEmbedder.EmbedBatch);
    var skipped = new SortedSet<string>(StringComparer.Ordinal);
    foreach (var devSet in options.DevSets)
    {
        using var dev = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, devSet)));
        foreach (var topic in dev.RootElement.GetProperty("faq").EnumerateArray())
        {
            // Right is what the eval counts as right: every intent whose answer has a substring of every expected group.
            var expect = topic.GetProperty("expect").EnumerateArray().Select(g => g.EnumerateArray().Select(s => s.GetString()!).ToList()).ToList();
            int[] acceptable = [.. Enumerable.Range(0, full.Count).Where(i => full.Intents[i].AnswerText is { } answer
                && expect.All(group => group.Any(s => answer.Contains(s, StringComparison.OrdinalIgnoreCase))))];
            if (acceptable.Length == 0)
            {
                skipped.Add(topic.GetProperty("topic").GetString()!);
                continue;
            }

            foreach (var say in topic.GetProperty("says").EnumerateArray())
            {
                examples.Add(Example.Score(say.GetString()!, acceptable, "dev", analyzer, scorer, semantic, Embed, staticSemantic));
            }
        }

        foreach (var key in new[] { "walkthrough", "walkthrough_start" })
        {
            if (dev.RootElement.TryGetProperty(key, out var walkthrough))
            {
                foreach (var say in walkthrough.EnumerateArray())
                {
                    examples.Add(Example.Score(say.GetString()!, [full.IndexOf(Intent.WalkthroughId)], "dev", analyzer, scorer, semantic, Embed, staticSemantic));
                }
            }
        }

        if (dev.RootElement.TryGetProperty("out_of_scope", out var outOfScope))
        {
            foreach (var say in outOfScope.EnumerateArray())
            {
                examples.Add(Example.Score(say.GetString()!, [], "dev", analyzer, scorer, semantic, Embed, staticSemantic));
            }
        }
    }

    if (skipped.Count > 0)
    {
        Console.WriteLine($"dev-set topics no answer satisfies (skipped): {string.Join(", ", skipped)}");
    }
}

examples.RemoveAll(e => e.NoTerms);
Console.WriteLine($"examples: {examples.Count} ({examples.Count(e => e.Source == "phrasing")} held-out phrasings, "
                  + $"{examples.Count(e => e.Source == "dev" && e.InScope)} dev FAQ, {examples.Count(e => !e.InScope)} out of scope)");

// 3. Cross-validated probabilities (each example predicted by models fitted without it), for the curves.
var predictions = new Prediction[examples.Count];
var firstStagePredictions = new Prediction[examples.Count];
// As for the phrasings: each example's fold from its own text, so an edit elsewhere does not reshuffle it.
var exampleFold = examples.Select(e => StableFold(e.Source + "\n" + e.Text, options.Seed + 1, options.Folds)).ToArray();
for (var fold = 0; fold < options.Folds; fold++)
{
    var train = new List<Example>();
    var test = new List<int>();
    for (var i = 0; i < examples.Count; i++)
    {
        if (exampleFold[i] == fold)
        {
            test.Add(i);
        }
        else
        {
            train.Add(examples[i]);
        }
    }

    var (candidate, scope) = FitBoth(train, full.Count);
    var (staticCandidate, staticScope) = FitBoth(train, full.Count, firstStage: true);
    foreach (var i in test)
    {
        predictions[i] = examples[i].Predict(candidate, scope, full.Count);
        firstStagePredictions[i] = examples[i].Predict(staticCandidate, staticScope, full.Count, firstStage: true);
    }
}

foreach (var source in new[] { "phrasing", "dev" })
{
    var set = examples.Select((e, i) => (e, i)).Where(x => x.e.Source == source && x.e.InScope).ToList();
    static int Top(double[] scores) => Array.IndexOf(scores, scores.Max());
    Console.WriteLine($"top-1 on {source} ({set.Count}): lexical {set.Count(x => x.e.IsRight(Top(x.e.Lexical.Scores))) / (double)set.Count:P1}, "
                      + $"semantic {set.Count(x => x.e.IsRight(Top(x.e.Semantic.Phrasing))) / (double)set.Count:P1}, "
                      + $"static semantic {set.Count(x => x.e.IsRight(Top(x.e.StaticSemantic.Phrasing))) / (double)set.Count:P1}, "
                      + $"either {set.Count(x => x.e.IsRight(Top(x.e.Lexical.Scores)) || x.e.IsRight(Top(x.e.Semantic.Phrasing))) / (double)set.Count:P1}, "
                      + $"model {set.Count(x => x.e.IsRight(predictions[x.i].Ranked()[0])) / (double)set.Count:P1}, "
                      + $"first-stage model (lexical + static) {set.Count(x => x.e.IsRight(firstStagePredictions[x.i].Ranked()[0])) / (double)set.Count:P1}");
}

var report = new FitReport(examples, predictions, [.. full.Intents.Select(i => i.Id)]);
var scopeRule = report.ChooseScopeRule(options.ScopeRecall, report.ChooseScopeThreshold(options.ScopeRecall), options.Precision);
var answerThreshold = report.ChooseAnswerThreshold(options.Precision, scopeRule);
var clarifyThreshold = report.ChooseClarifyThreshold(options.ClarifyPrecision, answerThreshold, scopeRule);
report.PrintSummary(scopeRule, answerThreshold, clarifyThreshold);
var band = CascadeFit.Choose(examples, predictions, firstStagePredictions, scopeRule, answerThreshold, options.CascadeBudget);

var output = Path.Combine(root, options.Output);
if (options.BandOnly)
{
    // Only the cascade band is chosen again (a new budget); the weights and thresholds stay those of the last full fit,
    // so answers the first stage leaves to the model change and nothing else does.
    var saved = UnderstandingModel.Load(output);
    var rebanded = saved with
    {
        About = saved.About + $" Cascade band chosen again with --band-only (budget {options.CascadeBudget.ToString(CultureInfo.InvariantCulture)}) on content {ContentHash(dialogs)}.",
        // Within the saved thresholds, as a full fit keeps it within its own.
        Cascade = new CascadeBand
        {
            AnswerAtLeast = Math.Max(band.AnswerAtLeast, saved.AnswerThreshold),
            ScopeAtLeast = Math.Max(band.ScopeAtLeast, saved.ScopeThreshold),
            OutOfScopeBelow = Math.Min(band.OutOfScopeBelow, saved.ScopeThreshold),
        },
    };
    File.WriteAllText(output, rebanded.ToJson() + "\n");
    Console.WriteLine($"wrote the cascade band into {output}");
    return 0;
}

// 4. The shipped model: fitted on every example.
var (finalCandidate, finalScope) = FitBoth(examples, full.Count);
var (finalStaticCandidate, finalStaticScope) = FitBoth(examples, full.Count, firstStage: true);
var model = new UnderstandingModel
{
    About = "Fitted by `dotnet run --project eval/B12Bot.ModelFit -c Release` from the content's phrasings (held out "
            + $"{options.Folds}-fold) and {string.Join(" + ", options.DevSets)}; thresholds from the cross-validated curves "
            + $"(answer precision >= {options.Precision.ToString(CultureInfo.InvariantCulture)}, out-of-scope caught >= "
            + $"{options.ScopeRecall.ToString(CultureInfo.InvariantCulture)}; an unsure-scope band only where it keeps at least 0.5% more in-scope messages right). Do not edit by hand.",
    ContentHash = ContentHash(dialogs),
    Candidate = finalCandidate,
    Scope = finalScope,
    AnswerThreshold = Math.Round(answerThreshold, 3),
    ClarifyThreshold = Math.Round(clarifyThreshold, 3),
    ScopeThreshold = Math.Round(scopeRule.Threshold, 3),
    UnsureScope = scopeRule.Unsure,
    StaticCandidate = finalStaticCandidate,
    StaticScope = finalStaticScope,
    Cascade = band,
    Fit = report.Figures(scopeRule, answerThreshold, clarifyThreshold),
};
File.WriteAllText(output, model.ToJson() + "\n");
Console.WriteLine($"wrote {output}");
Console.WriteLine($"candidate weights: {string.Join(", ", finalCandidate.Features.Zip(finalCandidate.Weights, (f, w) => $"{f} {w:0.00}"))}, bias {finalCandidate.Bias:0.00}");
Console.WriteLine($"scope weights: {string.Join(", ", finalScope.Features.Zip(finalScope.Weights, (f, w) => $"{f} {w:0.00}"))}, bias {finalScope.Bias:0.00}");
return 0;

static (LogisticModel Candidate, LogisticModel Scope) FitBoth(IReadOnlyList<Example> train, int intentCount, bool firstStage = false)
{
    var candidateRows = new List<(double[][], int[])>();
    var scopeRows = new List<(double[], bool, double)>();
    var inScope = train.Count(e => e.InScope);
    var outOfScope = Math.Max(1, train.Count - inScope);
    foreach (var example in train)
    {
        candidateRows.Add(([.. Enumerable.Range(0, intentCount).Select(i => example.CandidateFeatures(i, firstStage))], example.Acceptable));

        // Both classes weigh the same in total, so the scarce out-of-scope examples are not drowned out.
        scopeRows.Add((example.ScopeFeatures(firstStage), example.InScope, example.InScope ? 1.0 : (double)inScope / outOfScope));
    }

    return (ConditionalLogitFitter.Fit(UnderstandingFeatures.CandidateNames, candidateRows),
        LogisticRegressionFitter.Fit(UnderstandingFeatures.ScopeNames, scopeRows));
}

// A number from 0 to folds - 1 that depends only on the text and the seed (FNV-1a over UTF-16 code units).
static int StableFold(string text, int seed, int folds)
{
    var hash = 2166136261u ^ (uint)seed;
    foreach (var c in text)
    {
        hash = (hash ^ c) * 16777619u;
    }

    return (int)(hash % (uint)folds);
}

static string ContentHash(string dialogs)
{
    using var hash = SHA256.Create();
    var bytes = new List<byte>();
    foreach (var file in new[] { "faq.yaml", "walkthrough.yaml", "language.yaml", B12ContentLoader.OutOfScopeFile })
    {
        bytes.AddRange(File.ReadAllBytes(Path.Combine(dialogs, file)));
    }

    return Convert.ToHexString(SHA256.HashData([.. bytes]))[..16].ToLowerInvariant();
}
