using B12Bot.Conversation.Understanding;

namespace B12Bot.ModelFit;

/// <summary>
/// Fits the intent model as a choice among the intents plus "none of them" (score 0): P(intent) = softmax of
/// w·features + bias. A message asking for an intent raises the total probability of the intents that are right for it;
/// an out-of-scope message raises "none". Newton's method with a small L2 penalty: deterministic.
/// </summary>
internal static class ConditionalLogitFitter
{
    private const int MaxIterations = 60;
    private const double Ridge = 0.01;

    /// <param name="examples">Per message: every intent's features, and which intents are right (none: out of scope).</param>
    public static LogisticModel Fit(string[] names, IReadOnlyList<(double[][] Options, int[] Right)> examples)
    {
        var n = names.Length + 1;
        var beta = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            foreach (var (options, right) in examples)
            {
                var scores = new double[options.Length];
                for (var c = 0; c < options.Length; c++)
                {
                    scores[c] = Dot(beta, options[c]);
                }

                var p = (double[])scores.Clone();
                DecisionPolicy.Softmax(p);

                // Target: the model's own distribution restricted to the right options (all mass on "none" if there are none).
                var q = new double[options.Length];
                var rightMass = right.Sum(c => p[c]);
                foreach (var c in right)
                {
                    q[c] = rightMass > 0 ? p[c] / rightMass : 1.0 / right.Length;
                }

                var mean = new double[n];
                for (var c = 0; c < options.Length; c++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var x = j == n - 1 ? 1 : options[c][j];
                        gradient[j] += (q[c] - p[c]) * x;
                        mean[j] += p[c] * x;
                    }
                }

                // Fisher information of the softmax (the "none" option has all-zero features).
                for (var c = 0; c < options.Length; c++)
                {
                    if (p[c] < 1e-12)
                    {
                        continue;
                    }

                    for (var j = 0; j < n; j++)
                    {
                        var xj = j == n - 1 ? 1 : options[c][j];
                        for (var k = 0; k <= j; k++)
                        {
                            var xk = k == n - 1 ? 1 : options[c][k];
                            hessian[j, k] += p[c] * xj * xk;
                        }
                    }
                }

                for (var j = 0; j < n; j++)
                {
                    for (var k = 0; k <= j; k++)
                    {
                        hessian[j, k] -= mean[j] * mean[k];
                    }
                }
            }

            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < j; k++)
                {
                    hessian[k, j] = hessian[j, k];
                }

                gradient[j] -= Ridge * beta[j];
                hessian[j, j] += Ridge;
            }

            // Newton's step, halved until the penalised likelihood improves (the multi-answer target is not concave).
            var step = LogisticRegressionFitter.Solve(hessian, gradient);
            var before = LogLikelihood(beta, examples);
            var scale = 1.0;
            double[] next;
            do
            {
                next = [.. beta.Select((b, j) => b + (scale * step[j]))];
                scale /= 2;
            }
            while (LogLikelihood(next, examples) < before && scale > 1e-6);

            var largest = 0.0;
            for (var j = 0; j < n; j++)
            {
                largest = Math.Max(largest, Math.Abs(next[j] - beta[j]));
            }

            beta = next;

            if (largest < 1e-8)
            {
                break;
            }
        }

        return new LogisticModel { Features = names, Weights = [.. beta.Take(n - 1).Select(w => Math.Round(w, 6))], Bias = Math.Round(beta[n - 1], 6) };
    }

    private static double LogLikelihood(double[] beta, IReadOnlyList<(double[][] Options, int[] Right)> examples)
    {
        var total = 0.0;
        foreach (var (options, right) in examples)
        {
            var p = options.Select(x => Dot(beta, x)).ToArray();
            DecisionPolicy.Softmax(p);
            var mass = right.Length == 0 ? 1 - p.Sum() : right.Sum(c => p[c]);
            total += Math.Log(Math.Max(mass, 1e-300));
        }

        for (var j = 0; j < beta.Length - 1; j++)
        {
            total -= Ridge / 2 * beta[j] * beta[j];
        }

        return total;
    }

    private static double Dot(double[] beta, double[] x)
    {
        var z = beta[^1];
        for (var j = 0; j < x.Length; j++)
        {
            z += beta[j] * x[j];
        }

        return z;
    }
}
