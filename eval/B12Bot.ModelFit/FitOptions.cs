using System.Globalization;

namespace B12Bot.ModelFit;

internal sealed record FitOptions(double Precision, double ScopeRecall, double ClarifyPrecision, int Folds, int Seed, IReadOnlyList<string> DevSets, string Output,
    double CascadeBudget = 0.004, bool BandOnly = false)
{
    public static FitOptions Parse(string[] args)
    {
        var options = new FitOptions(0.91, 0.98, 0.8, 5, 12, [Path.Combine("eval", "dev-set-v2.json"), Path.Combine("eval", "dev-set-v3.json"), Path.Combine("eval", "dev-set-v4.json"), Path.Combine("eval", "dev-set-v5.json"), Path.Combine("eval", "dev-set-v6.json"), Path.Combine("eval", "dev-set-v7.json"), Path.Combine("eval", "dev-set-v8.json"), Path.Combine("eval", "dev-set-v9.json"), Path.Combine("eval", "dev-set-v10.json"), Path.Combine("eval", "dev-set-v11.json"), Path.Combine("eval", "dev-set-v12.json"), Path.Combine("eval", "dev-set-v13.json"), Path.Combine("eval", "dev-set-v14.json")], Path.Combine("dialogs", "understanding-model.json"));
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--precision" => options with { Precision = double.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--out-of-scope-recall" => options with { ScopeRecall = double.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--clarify-precision" => options with { ClarifyPrecision = double.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--folds" => options with { Folds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--dev" => options with { DevSets = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--out" => options with { Output = args[i + 1] },
                "--cascade-budget" => options with { CascadeBudget = double.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--band-only" => options with { BandOnly = bool.Parse(args[i + 1]) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --precision, --out-of-scope-recall, --clarify-precision, --folds, --seed, --dev, --out, --cascade-budget, --band-only."),
            };
        }

        if (options.DevSets.Any(set => set.Contains("test-set", StringComparison.OrdinalIgnoreCase) || set.Contains("fresh-", StringComparison.OrdinalIgnoreCase)
                                       || set.Contains("holdout", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException("The test set and fresh batches are never used for fitting.");
        }

        return options;
    }
}
