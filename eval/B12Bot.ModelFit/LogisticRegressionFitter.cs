using B12Bot.Conversation.Understanding;

namespace B12Bot.ModelFit;

/// <summary>
/// Fits a logistic regression by Newton's method (iteratively reweighted least squares) with a small L2 penalty on the
/// weights: deterministic, no learning rate, converges in a few steps for a handful of features.
/// </summary>
internal static class LogisticRegressionFitter
{
    private const int MaxIterations = 50;
    private const double Ridge = 0.01;

    public static LogisticModel Fit(string[] names, IReadOnlyList<(double[] X, bool Y, double Weight)> rows)
    {
        var n = names.Length + 1; // features + bias (last)
        var beta = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            foreach (var (x, y, weight) in rows)
            {
                var z = beta[n - 1];
                for (var j = 0; j < n - 1; j++)
                {
                    z += beta[j] * x[j];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var residual = ((y ? 1 : 0) - p) * weight;
                var curvature = Math.Max(p * (1 - p), 1e-9) * weight;
                for (var j = 0; j < n; j++)
                {
                    var xj = j == n - 1 ? 1 : x[j];
                    gradient[j] += residual * xj;
                    for (var k = 0; k <= j; k++)
                    {
                        var xk = k == n - 1 ? 1 : x[k];
                        hessian[j, k] += curvature * xj * xk;
                    }
                }
            }

            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < j; k++)
                {
                    hessian[k, j] = hessian[j, k];
                }

                if (j < n - 1)
                {
                    gradient[j] -= Ridge * beta[j];
                    hessian[j, j] += Ridge;
                }
                else
                {
                    hessian[j, j] += 1e-9;
                }
            }

            var step = Solve(hessian, gradient);
            var largest = 0.0;
            for (var j = 0; j < n; j++)
            {
                beta[j] += step[j];
                largest = Math.Max(largest, Math.Abs(step[j]));
            }

            if (largest < 1e-8)
            {
                break;
            }
        }

        return new LogisticModel { Features = names, Weights = [.. beta.Take(n - 1).Select(w => Math.Round(w, 6))], Bias = Math.Round(beta[n - 1], 6) };
    }

    /// <summary>Gaussian elimination with partial pivoting (the system is small and positive definite).</summary>
    internal static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (v[col], v[pivot]) = (v[pivot], v[col]);
            }

            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                v[row] -= factor * v[col];
            }
        }

        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = v[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * x[k];
            }

            x[row] = sum / m[row, row];
        }

        return x;
    }
}
