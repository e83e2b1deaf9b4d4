using B12Bot.Conversation.Understanding;

namespace B12Bot.ModelFit;

/// <summary>
/// Chooses the cascade's band from the cross-validated readings of both stages: the first stage (lexical + static
/// vectors) decides alone where it is sure enough, the sentence-embedding model reads the rest. Of all bands whose
/// decisions get wrong at most <c>budget</c> × examples messages the model alone gets right (messages the first stage
/// gets right and the model wrong do not offset them), the one that sends the fewest messages to the model. An outcome is what the policy does: out of scope, answer intent k, or neither.
/// </summary>
internal static class CascadeFit
{
    private const int OutOfScope = -1;
    private const int Neither = -2;

    public static CascadeBand Choose(IReadOnlyList<Example> examples, IReadOnlyList<Prediction> model, IReadOnlyList<Prediction> firstStage,
        ScopeRule scope, double answerThreshold, double budget)
    {
        var n = examples.Count;
        var fullRight = new bool[n];
        var stageRight = new bool[n];
        for (var i = 0; i < n; i++)
        {
            fullRight[i] = IsRight(examples[i], Outcome(model[i], scope, answerThreshold));
            stageRight[i] = IsRight(examples[i], Outcome(firstStage[i], scope, answerThreshold));
        }

        // A B12 answer the first stage gives alone to an out-of-scope message counts against the budget even when the
        // model would have answered it too: the band should not widen where such answers are.
        var stageAnswersOutOfScope = new bool[n];
        for (var i = 0; i < n; i++)
        {
            stageAnswersOutOfScope[i] = !examples[i].InScope && Outcome(firstStage[i], scope, answerThreshold) >= 0;
        }

        var allowed = (int)Math.Floor(budget * n);

        // Out-of-scope side: below which first-stage scope the stage decides "out of scope" alone.
        var outOptions = new List<(double Below, int Decided, int Lost)>();
        for (var k = 0; k <= 100; k++)
        {
            var below = Math.Min(scope.Threshold, k / 100.0);
            var decided = 0;
            var lost = 0;
            for (var i = 0; i < n; i++)
            {
                if (firstStage[i].Scope < below && CascadeBand.MaySayOutOfScopeAlone(examples[i].Lexical))
                {
                    decided++;
                    lost += fullRight[i] && !stageRight[i] ? 1 : 0;
                }
            }

            outOptions.Add((below, decided, lost));
        }

        // Answer side: first-stage scope and best-intent probability at least these.
        var answerOptions = new List<(double Answer, double Scope, int Decided, int Lost)>();
        var answerGrid = Enumerable.Range(0, 100).Select(k => k / 100.0).Where(t => t >= answerThreshold).Append(1.01).ToArray();
        // Never below the model's unsure-scope band: where the model itself would not answer on scope alone, the first
        // stage does not either.
        var scopeFloor = scope.Unsure?.Below ?? scope.Threshold;
        var scopeGrid = Enumerable.Range(0, 100).Select(k => k / 100.0).Where(t => t >= scopeFloor).Append(1.01).ToArray();
        var best = firstStage.Select(p => p.Probabilities.Max()).ToArray();
        foreach (var a in answerGrid)
        {
            foreach (var s in scopeGrid)
            {
                var decided = 0;
                var lost = 0;
                for (var i = 0; i < n; i++)
                {
                    if (firstStage[i].Scope >= s && best[i] >= a && CascadeBand.MayAnswerAlone(examples[i].Lexical))
                    {
                        decided++;
                        lost += (fullRight[i] && !stageRight[i]) || stageAnswersOutOfScope[i] ? 1 : 0;
                    }
                }

                answerOptions.Add((a, s, decided, lost));
            }
        }

        var chosen = (Out: outOptions[0], Answer: answerOptions[^1]);
        foreach (var o in outOptions)
        {
            foreach (var a in answerOptions)
            {
                var decided = o.Decided + a.Decided;
                var lost = o.Lost + a.Lost;
                var bestDecided = chosen.Out.Decided + chosen.Answer.Decided;
                if (lost <= allowed && (decided > bestDecided || (decided == bestDecided && lost < chosen.Out.Lost + chosen.Answer.Lost)))
                {
                    chosen = (o, a);
                }
            }
        }

        var band = new CascadeBand
        {
            AnswerAtLeast = chosen.Answer.Answer,
            ScopeAtLeast = chosen.Answer.Scope,
            OutOfScopeBelow = chosen.Out.Below,
        };
        Print(examples, firstStage, band, fullRight, stageRight, allowed);
        return band;
    }

    private static void Print(IReadOnlyList<Example> examples, IReadOnlyList<Prediction> firstStage, CascadeBand band, bool[] fullRight, bool[] stageRight, int allowed)
    {
        Console.WriteLine($"cascade band (at most {allowed} of {examples.Count} messages the model alone gets right lost): first stage answers alone at p >= {band.AnswerAtLeast:0.00} "
                          + $"with scope >= {band.ScopeAtLeast:0.00}, says out of scope alone below scope {band.OutOfScopeBelow:0.00}");
        foreach (var source in new[] { "phrasing", "dev" })
        {
            foreach (var inScope in new[] { true, false })
            {
                var set = Enumerable.Range(0, examples.Count).Where(i => examples[i].Source == source && examples[i].InScope == inScope).ToList();
                if (set.Count == 0)
                {
                    continue;
                }

                var decided = set.Where(i => band.Decides(firstStage[i].Scope, firstStage[i].Probabilities.Max(), examples[i].Lexical)).ToList();
                var cascadeRight = set.Count(i => band.Decides(firstStage[i].Scope, firstStage[i].Probabilities.Max(), examples[i].Lexical) ? stageRight[i] : fullRight[i]);
                Console.WriteLine($"  {source} {(inScope ? "in scope" : "out of scope")} ({set.Count}, cross-validated): right outcome "
                                  + $"model alone {set.Count(i => fullRight[i]) / (double)set.Count:P1}, first stage alone {set.Count(i => stageRight[i]) / (double)set.Count:P1}, "
                                  + $"cascade {cascadeRight / (double)set.Count:P1}; reaching the model {(set.Count - decided.Count) / (double)set.Count:P1}");
            }
        }
    }

    private static int Outcome(Prediction p, ScopeRule scope, double answerThreshold)
    {
        if (scope.IsOutOfScope(p))
        {
            return OutOfScope;
        }

        var top = p.Ranked()[0];
        return p.Probabilities[top] >= answerThreshold ? top : Neither;
    }

    private static bool IsRight(Example example, int outcome) => example.InScope ? outcome >= 0 && example.IsRight(outcome) : outcome == OutOfScope;
}
