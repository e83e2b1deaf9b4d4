using System.Globalization;
using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Safety;

namespace B12Bot.ModelFit;

/// <summary>
/// Fits the learned crisis reading (<see cref="CrisisLanguageModel"/>): dotnet run --project eval/B12Bot.ModelFit -c Release -- crisis.
/// <para>
/// Crisis messages: every "crisis" message of the eval sets and the crisis examples of dialogs/safety.yaml. Everything
/// else they hold is what must stay calm: FAQ questions, out-of-scope questions, small talk, commands, walkthrough
/// starts, possible reactions, figures of speech and past reactions ("no_emergency"), and poisonings (Poison Control,
/// not the crisis line), with the backstop's near misses. Emergencies are left out: the rules send them to 911 first.
/// Never eval/test-set.json or a holdout set. A safety batch joins the fit only after its first look, so every first
/// look is on a model fitted before the batch existed.
/// </para>
/// <para>
/// Logistic regression over words and word pairs by stochastic gradient descent (fixed seed, so the same data gives the
/// same file), crisis messages weighted up to a quarter of the others in total. The threshold is the lowest whose
/// false alarms, each batch read by a model fitted without it, stay within one in <see cref="FalseAlarmBudget"/> of
/// the calm messages; the figures printed and saved are those held-out ones.
/// </para>
/// </summary>
internal static class CrisisModelFit
{
    private const int FalseAlarmBudget = 5_000;
    private const int Epochs = 8;
    private const double LearningRate = 0.2;
    private const double Ridge = 1e-5;
    private const double PruneBelow = 0.02;
    private const int Seed = 12;

    private static readonly string[] CalmKeys = ["faq", "out_of_scope", "benign", "walkthrough_start", "walkthrough", "small_talk", "commands", "possible_reaction", "no_emergency", "poisoning"];

    private sealed record Message(string Batch, bool Crisis, string Text, string[] Features);

    public static int Run(string root)
    {
        var dialogs = Path.Combine(root, "dialogs");
        var messages = new List<Message>();
        foreach (var path in Directory.GetFiles(Path.Combine(root, "eval"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Contains("test-set", StringComparison.Ordinal) || name.Contains("holdout", StringComparison.Ordinal))
            {
                continue;
            }

            using var set = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var property in set.RootElement.EnumerateObject())
            {
                var crisis = property.Name == "crisis";
                if (crisis || CalmKeys.Contains(property.Name))
                {
                    messages.AddRange(Texts(property.Value).Select(text => new Message(name, crisis, text, [.. CrisisLanguageModel.Features(text)])));
                }
            }
        }

        var content = B12ContentLoader.Load(dialogs, "911");
        foreach (var group in content.Safety.Backstop.Classes.Where(c => c.Class is TriageClass.Crisis or TriageClass.None))
        {
            messages.AddRange(group.Examples.Select(text => new Message("safety.yaml", group.Class == TriageClass.Crisis, text, [.. CrisisLanguageModel.Features(text)])));
        }

        var crisisCount = messages.Count(m => m.Crisis);
        Console.WriteLine($"crisis model: {crisisCount} crisis messages, {messages.Count - crisisCount} calm ones");

        // Each batch read by a model fitted without it (the dev sets and safety.yaml always take part).
        var held = new List<(Message Message, double Probability)>();
        var batches = messages.Select(m => m.Batch).Where(b => b.StartsWith("fresh-", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var batch in batches)
        {
            var model = Train(messages.Where(m => m.Batch != batch).ToList());
            held.AddRange(messages.Where(m => m.Batch == batch).Select(m => (m, Probability(model, m.Features))));
        }

        var heldCrisis = held.Count(h => h.Message.Crisis);
        var heldCalm = held.Count - heldCrisis;
        var threshold = 0.99;
        for (var t = 0.99; t >= 0.295; t -= 0.01)
        {
            if (held.Count(h => !h.Message.Crisis && h.Probability >= t) * FalseAlarmBudget > heldCalm)
            {
                break;
            }

            threshold = Math.Round(t, 2);
        }

        var caught = held.Count(h => h.Message.Crisis && h.Probability >= threshold);
        var falseAlarms = held.Where(h => !h.Message.Crisis && h.Probability >= threshold).ToList();
        Console.WriteLine($"leave one batch out ({batches.Count} batches): at threshold {threshold:0.00} the model alone finds {caught} of {heldCrisis} crisis messages "
                          + $"({(double)caught / heldCrisis:P1}) and raises {falseAlarms.Count} of {heldCalm} calm ones");
        foreach (var (message, probability) in falseAlarms)
        {
            Console.WriteLine($"  calm but raised ({probability:0.00}, {message.Batch}): {message.Text}");
        }

        foreach (var t in new[] { 0.5, 0.7, 0.9 })
        {
            Console.WriteLine($"  at {t:0.0}: {held.Count(h => h.Message.Crisis && h.Probability >= t)} of {heldCrisis}, false alarms {held.Count(h => !h.Message.Crisis && h.Probability >= t)}");
        }

        var final = Train(messages);
        var weights = final.Weights.Where(w => Math.Abs(w.Value) >= PruneBelow).OrderBy(w => w.Key, StringComparer.Ordinal)
            .ToDictionary(w => w.Key, w => (float)Math.Round(w.Value, 4), StringComparer.Ordinal);
        var crisisModel = new CrisisLanguageModel
        {
            About = "Fitted by `dotnet run --project eval/B12Bot.ModelFit -c Release -- crisis` from the crisis and calm messages of eval/*.json "
                    + "(never the test set or a holdout set) and the backstop examples of safety.yaml; threshold: the lowest whose false alarms, "
                    + $"each fresh batch read by a model fitted without it, stay within 1 in {FalseAlarmBudget} calm messages. Do not edit by hand.",
            Threshold = threshold,
            Bias = Math.Round(final.Bias, 4),
            Weights = weights,
            Fit = new Dictionary<string, double>
            {
                ["crisis_messages"] = crisisCount,
                ["calm_messages"] = messages.Count - crisisCount,
                ["held_out_crisis_found"] = caught,
                ["held_out_crisis"] = heldCrisis,
                ["held_out_false_alarms"] = falseAlarms.Count,
                ["held_out_calm"] = heldCalm,
            },
        };
        var output = Path.Combine(dialogs, CrisisLanguageModel.FileName);
        File.WriteAllText(output, crisisModel.ToJson() + "\n");
        Console.WriteLine($"wrote {output} ({weights.Count} weights of {final.Weights.Count})");
        return 0;
    }

    private static IEnumerable<string> Texts(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Texts),
        // An FAQ or small-talk case holds its messages in "says"; a command set holds lists by command.
        JsonValueKind.Object => value.TryGetProperty("says", out var says) ? Texts(says)
            : value.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Array).SelectMany(p => Texts(p.Value)),
        _ => [],
    };

    private sealed record Fitted(Dictionary<string, double> Weights, double Bias);

    private static Fitted Train(List<Message> messages)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var bias = -3.0;
        var crisis = messages.Count(m => m.Crisis);
        var crisisWeight = Math.Max(1.0, (messages.Count - crisis) / (4.0 * Math.Max(1, crisis)));
        var order = Enumerable.Range(0, messages.Count).ToArray();
        var random = new Random(Seed);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var message = messages[i];
                var p = Probability(new Fitted(weights, bias), message.Features);
                var gradient = (p - (message.Crisis ? 1 : 0)) * (message.Crisis ? crisisWeight : 1);
                bias -= LearningRate * gradient;
                foreach (var feature in message.Features)
                {
                    weights.TryGetValue(feature, out var w);
                    weights[feature] = w - (LearningRate * (gradient + (Ridge * w)));
                }
            }
        }

        return new Fitted(weights, bias);
    }

    private static double Probability(Fitted model, string[] features)
    {
        var z = model.Bias;
        foreach (var feature in features)
        {
            z += model.Weights.GetValueOrDefault(feature);
        }

        return CrisisLanguageModel.ProbabilityOf(z);
    }
}
