namespace B12Bot.ModelFit;

/// <summary>The cross-validated curves the thresholds are chosen from, printed so the choice can be checked.</summary>
internal sealed class FitReport(IReadOnlyList<Example> examples, IReadOnlyList<Prediction> predictions, IReadOnlyList<string> names)
{
    private string Names(int[] intents) => intents.Length == 0 ? "out of scope" : string.Join("|", intents.Select(i => names[i]));

    private static readonly double[] Grid = [.. Enumerable.Range(1, 99).Select(i => i / 100.0)];

    private IEnumerable<(Example Example, Prediction Prediction)> All => examples.Zip(predictions);

    private int InScopeCount => examples.Count(e => e.InScope);

    private int OutOfScopeCount => examples.Count(e => !e.InScope);

    /// <summary>The lowest scope threshold that catches at least <paramref name="recall"/> of out-of-scope messages.</summary>
    public double ChooseScopeThreshold(double recall)
    {
        Console.WriteLine("scope curve (threshold: in-scope kept, out-of-scope caught):");
        double? chosen = null;
        foreach (var t in Grid)
        {
            var kept = All.Count(x => x.Example.InScope && x.Prediction.Scope >= t) / (double)InScopeCount;
            var caught = All.Count(x => !x.Example.InScope && x.Prediction.Scope < t) / (double)Math.Max(1, OutOfScopeCount);
            if (chosen is null && caught >= recall)
            {
                chosen = t;
            }

            if (Math.Round(t * 100) % 5 == 0)
            {
                Console.WriteLine($"  {t:0.00}: {kept:P1} kept, {caught:P1} caught");
            }
        }

        return chosen ?? Grid[^1];
    }

    /// <summary>The lowest answer threshold whose answers are right at least <paramref name="precision"/> of the time.</summary>
    public double ChooseAnswerThreshold(double precision, double scopeThreshold)
    {
        Console.WriteLine("answer curve (threshold: precision of answers, in-scope answered right, out-of-scope answered):");
        double? chosen = null;
        foreach (var t in Grid)
        {
            var answered = All.Where(x => x.Prediction.Scope >= scopeThreshold && x.Prediction.Probabilities.Max() >= t).ToList();
            var right = answered.Count(x => x.Example.IsRight(x.Prediction.Ranked()[0]));
            var answeredPrecision = answered.Count == 0 ? 1 : right / (double)answered.Count;
            if (chosen is null && answeredPrecision >= precision)
            {
                chosen = t;
            }

            if (Math.Round(t * 100) % 5 == 0)
            {
                Console.WriteLine($"  {t:0.00}: precision {answeredPrecision:P1}, right {right / (double)InScopeCount:P1}, "
                                  + $"out of scope answered {answered.Count(x => !x.Example.InScope)}");
            }
        }

        return chosen ?? Grid[^1];
    }

    /// <summary>
    /// The lowest "did you mean" threshold at which the offered topics include the right one at least
    /// <paramref name="precision"/> of the time (among messages not answered outright); no clarification if none does.
    /// </summary>
    public double ChooseClarifyThreshold(double precision, double answerThreshold, double scopeThreshold)
    {
        Console.WriteLine("did-you-mean curve (threshold: offered, right topic among them):");
        double? chosen = null;
        // "Truly close": both topics at least half as likely as an answer needs.
        foreach (var t in Grid.Where(t => t < answerThreshold && t >= answerThreshold / 2).Reverse())
        {
            var offered = Offered(t, answerThreshold, scopeThreshold).ToList();
            var hits = offered.Count(x => x.Hit);
            if (offered.Count > 0 && hits / (double)offered.Count >= precision)
            {
                chosen = t;
            }

            if (Math.Round(t * 100) % 5 == 0)
            {
                Console.WriteLine($"  {t:0.00}: {offered.Count} offered, {(offered.Count == 0 ? 0 : hits / (double)offered.Count):P1} right among them");
            }
        }

        return chosen ?? answerThreshold;
    }

    public void PrintSummary(double scopeThreshold, double answerThreshold, double clarifyThreshold)
    {
        var figures = Figures(scopeThreshold, answerThreshold, clarifyThreshold);
        Console.WriteLine($"chosen thresholds: scope {scopeThreshold:0.00}, answer {answerThreshold:0.00}, did-you-mean {clarifyThreshold:0.00}");
        Console.WriteLine("cross-validated with them: " + string.Join(", ", figures.Select(f => $"{f.Key} {f.Value:0.###}")));
        Console.WriteLine("cross-validated misses (dev messages only):");
        foreach (var (example, prediction) in All.Where(x => x.Example.Source == "dev"))
        {
            var top = prediction.Ranked()[0];
            var p = prediction.Probabilities[top];
            var outcome = prediction.Scope < scopeThreshold ? "out of scope" : p >= answerThreshold ? $"answer #{top}" : "not answered";
            var right = !example.InScope ? outcome == "out of scope" : p >= answerThreshold && prediction.Scope >= scopeThreshold && example.IsRight(top);
            if (!right)
            {
                Console.WriteLine($"  want {Names(example.Acceptable)}, got {(outcome.StartsWith("answer", StringComparison.Ordinal) ? "answer " + names[top] : outcome)} "
                                  + $"(p {p:0.00}, scope {prediction.Scope:0.00}): {example.Text}");
            }
        }
    }

    public Dictionary<string, double> Figures(double scopeThreshold, double answerThreshold, double clarifyThreshold)
    {
        var inScope = All.Where(x => x.Example.InScope).ToList();
        var outOfScope = All.Where(x => !x.Example.InScope).ToList();
        var answeredRight = inScope.Count(x => x.Prediction.Scope >= scopeThreshold && x.Prediction.Probabilities.Max() >= answerThreshold
                                              && x.Example.IsRight(x.Prediction.Ranked()[0]));
        var answered = All.Count(x => x.Prediction.Scope >= scopeThreshold && x.Prediction.Probabilities.Max() >= answerThreshold);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["examples"] = examples.Count,
            ["cv_top1"] = Math.Round(inScope.Count(x => x.Example.IsRight(x.Prediction.Ranked()[0])) / (double)inScope.Count, 4),
            ["cv_answered_right"] = Math.Round(answeredRight / (double)inScope.Count, 4),
            ["cv_answer_precision"] = Math.Round(answered == 0 ? 1 : answeredRight / (double)answered, 4),
            ["cv_did_you_mean"] = Math.Round(Offered(clarifyThreshold, answerThreshold, scopeThreshold).Count() / (double)examples.Count, 4),
            ["cv_out_of_scope_recognised"] = Math.Round(outOfScope.Count(x => x.Prediction.Scope < scopeThreshold) / (double)Math.Max(1, outOfScope.Count), 4),
            ["cv_out_of_scope_answered"] = outOfScope.Count(x => x.Prediction.Scope >= scopeThreshold && x.Prediction.Probabilities.Max() >= answerThreshold),
        };
    }

    private IEnumerable<(Example Example, bool Hit)> Offered(double t, double answerThreshold, double scopeThreshold)
    {
        foreach (var (example, prediction) in All)
        {
            var ranked = prediction.Ranked();
            var p = prediction.Probabilities;
            if (prediction.Scope >= scopeThreshold && p[ranked[0]] < answerThreshold && p[ranked[0]] >= t && p[ranked[1]] >= t)
            {
                yield return (example, ranked.Take(3).Where(i => p[i] >= t).Any(example.IsRight));
            }
        }
    }
}
