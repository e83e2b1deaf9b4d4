using B12Bot.Conversation.Understanding;

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

    /// <summary>
    /// The scope rule: among the threshold alone and every threshold with an unsure band above it (where a message is
    /// answered only when one intent is at least so likely), those that catch at least <paramref name="recall"/> of
    /// out-of-scope messages; of them, the one keeping the most in-scope messages whose best intent is right (then the
    /// fewest kept wrong, then the most caught). The threshold alone is the band of width zero, so the rule never keeps
    /// fewer than it. The answers given in the band (out-of-scope messages counted as wrong) must be right at least
    /// <paramref name="bandPrecision"/> of the time: the same precision target as any answer.
    /// </summary>
    public ScopeRule ChooseScopeRule(double recall, double thresholdAlone, double bandPrecision)
    {
        var n = examples.Count;
        var scope = new double[n];
        var best = new double[n];
        var right = new bool[n];
        var inScope = new bool[n];
        for (var i = 0; i < n; i++)
        {
            scope[i] = predictions[i].Scope;
            best[i] = predictions[i].Probabilities.Max();
            right[i] = examples[i].IsRight(predictions[i].Ranked()[0]);
            inScope[i] = examples[i].InScope;
        }

        var needed = (int)Math.Ceiling(recall * OutOfScopeCount - 1e-9);
        (int Right, int Wrong, int Caught, double BandPrecision) Measure(ScopeRule rule)
        {
            int keptRight = 0, keptWrong = 0, caught = 0, bandAnswered = 0, bandRight = 0;
            for (var i = 0; i < n; i++)
            {
                var outOfScope = UnsureScopeBand.IsOutOfScope(scope[i], best[i], rule.Threshold, rule.Unsure);
                if (!outOfScope && rule.Unsure is { } band && scope[i] < band.Below)
                {
                    bandAnswered++;
                    bandRight += inScope[i] && right[i] ? 1 : 0;
                }

                if (!inScope[i])
                {
                    caught += outOfScope ? 1 : 0;
                }
                else if (!outOfScope)
                {
                    keptRight += right[i] ? 1 : 0;
                    keptWrong += right[i] ? 0 : 1;
                }
            }

            return (keptRight, keptWrong, caught, bandAnswered == 0 ? 1 : bandRight / (double)bandAnswered);
        }

        var chosen = new ScopeRule(thresholdAlone, null);
        var chosenFigures = Measure(chosen);
        var alone = chosenFigures;
        // The band's edges on a coarse grid (steps of 0.05): a few more or fewer examples on one side move the choice
        // little, so a small content edit does not swing the rule.
        var coarse = Enumerable.Range(1, 19).Select(k => k / 20.0).ToArray();
        foreach (var low in Grid.Where(t => t <= thresholdAlone))
        {
            foreach (var below in coarse.Where(t => t > low))
            {
                foreach (var answerAtLeast in coarse)
                {
                    var rule = new ScopeRule(low, new UnsureScopeBand { Below = below, AnswerAtLeast = answerAtLeast });
                    var figures = Measure(rule);
                    if (figures.Caught >= needed && figures.BandPrecision >= bandPrecision && Better(figures, rule, chosenFigures, chosen))
                    {
                        (chosen, chosenFigures) = (rule, figures);
                    }
                }
            }
        }

        // More right, then fewer wrong, more caught; on a tie the stricter rule: the higher threshold, the narrower band,
        // the surer intent (so a band that changes nothing on the examples is never chosen over the threshold alone).
        static bool Better((int Right, int Wrong, int Caught, double) a, ScopeRule ruleA, (int Right, int Wrong, int Caught, double) b, ScopeRule ruleB) =>
            a.Right != b.Right ? a.Right > b.Right
            : a.Wrong != b.Wrong ? a.Wrong < b.Wrong
            : a.Caught != b.Caught ? a.Caught > b.Caught
            : ruleA.Threshold != ruleB.Threshold ? ruleA.Threshold > ruleB.Threshold
            : (ruleA.Unsure?.Below ?? ruleA.Threshold) != (ruleB.Unsure?.Below ?? ruleB.Threshold) ? (ruleA.Unsure?.Below ?? ruleA.Threshold) < (ruleB.Unsure?.Below ?? ruleB.Threshold)
            : (ruleA.Unsure?.AnswerAtLeast ?? 1) > (ruleB.Unsure?.AnswerAtLeast ?? 1);

        // A band must earn its place: at least half a percent more in-scope messages right than the threshold alone.
        // Smaller gains are within what a small content edit moves (the choice among near-ties is not steady).
        if (chosenFigures.Right - alone.Right < Math.Ceiling(0.005 * InScopeCount))
        {
            Console.WriteLine($"scope rule: the best band ({chosen}) keeps {chosenFigures.Right - alone.Right} more right: too few, the threshold alone is kept");
            (chosen, chosenFigures) = (new ScopeRule(thresholdAlone, null), alone);
        }

        Console.WriteLine($"scope rule: threshold alone {thresholdAlone:0.00} keeps {alone.Right} in-scope right ({alone.Wrong} wrong), catches {alone.Caught}/{OutOfScopeCount}; "
                          + $"chosen {chosen}: keeps {chosenFigures.Right} right ({chosenFigures.Wrong} wrong), catches {chosenFigures.Caught}/{OutOfScopeCount}");
        return chosen;
    }

    /// <summary>The lowest answer threshold whose answers are right at least <paramref name="precision"/> of the time.</summary>
    public double ChooseAnswerThreshold(double precision, ScopeRule scope)
    {
        Console.WriteLine("answer curve (threshold: precision of answers, in-scope answered right, out-of-scope answered):");
        double? chosen = null;
        foreach (var t in Grid)
        {
            var answered = All.Where(x => !scope.IsOutOfScope(x.Prediction) && x.Prediction.Probabilities.Max() >= t).ToList();
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
    public double ChooseClarifyThreshold(double precision, double answerThreshold, ScopeRule scope)
    {
        Console.WriteLine("did-you-mean curve (threshold: offered, right topic among them):");
        double? chosen = null;
        // "Truly close": both topics at least half as likely as an answer needs.
        foreach (var t in Grid.Where(t => t < answerThreshold && t >= answerThreshold / 2).Reverse())
        {
            var offered = Offered(t, answerThreshold, scope).ToList();
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

    public void PrintSummary(ScopeRule scope, double answerThreshold, double clarifyThreshold)
    {
        var figures = Figures(scope, answerThreshold, clarifyThreshold);
        Console.WriteLine($"chosen thresholds: {scope}, answer {answerThreshold:0.00}, did-you-mean {clarifyThreshold:0.00}");
        Console.WriteLine("cross-validated with them: " + string.Join(", ", figures.Select(f => $"{f.Key} {f.Value:0.###}")));
        Console.WriteLine("cross-validated misses (dev messages only):");
        foreach (var (example, prediction) in All.Where(x => x.Example.Source == "dev"))
        {
            var top = prediction.Ranked()[0];
            var p = prediction.Probabilities[top];
            var outcome = scope.IsOutOfScope(prediction) ? "out of scope" : p >= answerThreshold ? $"answer #{top}" : "not answered";
            var right = !example.InScope ? outcome == "out of scope" : p >= answerThreshold && !scope.IsOutOfScope(prediction) && example.IsRight(top);
            if (!right)
            {
                Console.WriteLine($"  want {Names(example.Acceptable)}, got {(outcome.StartsWith("answer", StringComparison.Ordinal) ? "answer " + names[top] : outcome)} "
                                  + $"(p {p:0.00}, scope {prediction.Scope:0.00}): {example.Text}");
            }
        }
    }

    public Dictionary<string, double> Figures(ScopeRule scope, double answerThreshold, double clarifyThreshold)
    {
        var inScope = All.Where(x => x.Example.InScope).ToList();
        var outOfScope = All.Where(x => !x.Example.InScope).ToList();
        var answeredRight = inScope.Count(x => !scope.IsOutOfScope(x.Prediction) && x.Prediction.Probabilities.Max() >= answerThreshold
                                              && x.Example.IsRight(x.Prediction.Ranked()[0]));
        var answered = All.Count(x => !scope.IsOutOfScope(x.Prediction) && x.Prediction.Probabilities.Max() >= answerThreshold);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["examples"] = examples.Count,
            ["cv_top1"] = Math.Round(inScope.Count(x => x.Example.IsRight(x.Prediction.Ranked()[0])) / (double)inScope.Count, 4),
            ["cv_answered_right"] = Math.Round(answeredRight / (double)inScope.Count, 4),
            ["cv_answer_precision"] = Math.Round(answered == 0 ? 1 : answeredRight / (double)answered, 4),
            ["cv_did_you_mean"] = Math.Round(Offered(clarifyThreshold, answerThreshold, scope).Count() / (double)examples.Count, 4),
            ["cv_out_of_scope_recognised"] = Math.Round(outOfScope.Count(x => scope.IsOutOfScope(x.Prediction)) / (double)Math.Max(1, outOfScope.Count), 4),
            ["cv_out_of_scope_answered"] = outOfScope.Count(x => !scope.IsOutOfScope(x.Prediction) && x.Prediction.Probabilities.Max() >= answerThreshold),
        };
    }

    private IEnumerable<(Example Example, bool Hit)> Offered(double t, double answerThreshold, ScopeRule scope)
    {
        foreach (var (example, prediction) in All)
        {
            var ranked = prediction.Ranked();
            var p = prediction.Probabilities;
            if (!scope.IsOutOfScope(prediction) && p[ranked[0]] < answerThreshold && p[ranked[0]] >= t && p[ranked[1]] >= t)
            {
                yield return (example, ranked.Take(3).Where(i => p[i] >= t).Any(example.IsRight));
            }
        }
    }
}
