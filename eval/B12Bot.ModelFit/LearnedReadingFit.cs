using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Text;
using B12Bot.Conversation.Understanding;

namespace B12Bot.ModelFit;

/// <summary>
/// Fits a learned safety reading (<see cref="LearnedSafetyReading"/>):
/// dotnet run --project eval/B12Bot.ModelFit -c Release -- crisis (or -- emergency).
/// <para>
/// Crisis: every "crisis" message of the eval sets and the crisis examples of dialogs/safety.yaml, against FAQ questions,
/// out-of-scope questions, small talk, commands, walkthrough starts, possible reactions, figures of speech and past
/// reactions ("no_emergency"), and poisonings (Poison Control, not the crisis line), with the backstop's near misses.
/// Emergencies are left out: the rules send them to 911 first.
/// </para>
/// <para>
/// Emergency: every "emergency" message and the backstop's emergency examples, against the same calm messages but
/// poisonings, and against the crisis messages (the crisis line is their help, and the crisis reading may miss one the
/// backstop would find); poisonings are left out of both sides (Poison Control).
/// </para>
/// <para>
/// Never eval/test-set.json or a holdout set. A safety batch joins the fit only after its first look, so every first
/// look is on a model fitted before the batch existed. Logistic regression over words and word pairs by stochastic
/// gradient descent (fixed seed, so the same data gives the same file), the class's messages weighted up to a quarter of
/// the others in total. The threshold is the lowest whose false alarms, each batch read by a model fitted without it,
/// stay within one in <see cref="FalseAlarmBudget"/> of the calm messages; the figures printed and saved are those
/// held-out ones.
/// </para>
/// </summary>
internal static class LearnedReadingFit
{
    private const int FalseAlarmBudget = 5_000;
    private const int Epochs = 8;
    private const double LearningRate = 0.2;
    private const double Ridge = 1e-5;
    private const double PruneBelow = 0.02;
    private const int Seed = 12;

    /// <summary>What one reading is fitted from: the eval key of its messages, the calm keys, and its backstop class.</summary>
    private sealed record Spec(LearnedReadingKind Kind, string Key, string[] CalmKeys, bool SaveRuleMisses);

    private static readonly Spec[] Specs =
    [
        // The crisis file keeps the figures of its first fit (no rule-miss figures), so refitting it gives the same bytes.
        new(LearnedReadingKind.Crisis, "crisis",
            ["faq", "out_of_scope", "benign", "walkthrough_start", "walkthrough", "small_talk", "commands", "possible_reaction", "no_emergency", "poisoning"], SaveRuleMisses: false),
        // Crisis messages are calm to it: the crisis line is their help ("I can't do this anymore. I'm sorry." had 911).
        new(LearnedReadingKind.Emergency, "emergency",
            ["faq", "out_of_scope", "benign", "walkthrough_start", "walkthrough", "small_talk", "commands", "possible_reaction", "no_emergency", "crisis"], SaveRuleMisses: true),
    ];

    private sealed record Message(string Batch, bool Positive, string Text, string[] Features);

    /// <summary>The reading a fitting command names ("crisis", "emergency"), or null.</summary>
    public static LearnedReadingKind? KindNamed(string name) => Specs.FirstOrDefault(s => s.Kind.Name == name)?.Kind;

    public static int Run(string root, LearnedReadingKind kind)
    {
        var spec = Specs.Single(s => s.Kind == kind);
        var name = kind.Name;
        var dialogs = Path.Combine(root, "dialogs");
        var messages = new List<Message>();
        foreach (var path in Directory.GetFiles(Path.Combine(root, "eval"), "*.json").Order(StringComparer.Ordinal))
        {
            var batch = Path.GetFileNameWithoutExtension(path);
            if (batch.Contains("test-set", StringComparison.Ordinal) || batch.Contains("holdout", StringComparison.Ordinal))
            {
                continue;
            }

            using var set = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var property in set.RootElement.EnumerateObject())
            {
                var positive = property.Name == spec.Key;
                if (positive || spec.CalmKeys.Contains(property.Name))
                {
                    messages.AddRange(Texts(property.Value).Select(text => new Message(batch, positive, text, [.. LearnedSafetyReading.Features(text)])));
                }
            }
        }

        var content = B12ContentLoader.Load(dialogs, "911");
        foreach (var group in content.Safety.Backstop.Classes.Where(c => c.Class == kind.RaisesTo || c.Class == TriageClass.None))
        {
            messages.AddRange(group.Examples.Select(text => new Message("safety.yaml", group.Class == kind.RaisesTo, text, [.. LearnedSafetyReading.Features(text)])));
        }

        var positiveCount = messages.Count(m => m.Positive);
        Console.WriteLine($"{name} model: {positiveCount} {name} messages, {messages.Count - positiveCount} calm ones");

        // Each batch read by a model fitted without it (the dev sets and safety.yaml always take part). The near-miss sets
        // (crisis-*.json: calm messages with a crisis's words, some paired with crisis twins) are held out like a blind
        // batch, so their false alarms count against the threshold: a model that learned "bridge" from 59 crisis messages
        // and 1 calm one must not pick a threshold that only the blind batches' easier calm messages stay under.
        var held = new List<(Message Message, double Probability)>();
        var heldModels = new Dictionary<string, Fitted>(StringComparer.Ordinal);
        var batches = messages.Select(m => m.Batch).Where(IsHeldOutBatch).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var batch in batches)
        {
            var model = Train(messages.Where(m => m.Batch != batch).ToList());
            heldModels[batch] = model;
            held.AddRange(messages.Where(m => m.Batch == batch).Select(m => (m, Probability(model, m.Features))));
        }

        var heldPositive = held.Count(h => h.Message.Positive);
        var heldCalm = held.Count - heldPositive;
        var threshold = 0.99;
        for (var t = 0.99; t >= 0.295; t -= 0.01)
        {
            if (held.Count(h => !h.Message.Positive && h.Probability >= t) * FalseAlarmBudget > heldCalm)
            {
                break;
            }

            threshold = Math.Round(t, 2);
        }

        var caught = held.Count(h => h.Message.Positive && h.Probability >= threshold);
        var falseAlarms = held.Where(h => !h.Message.Positive && h.Probability >= threshold).ToList();
        Console.WriteLine($"leave one batch out ({batches.Count} batches): at threshold {threshold:0.00} the model alone finds {caught} of {heldPositive} {name} messages "
                          + $"({(double)caught / heldPositive:P1}) and raises {falseAlarms.Count} of {heldCalm} calm ones");
        foreach (var (message, probability) in falseAlarms)
        {
            Console.WriteLine($"  calm but raised ({probability:0.00}, {message.Batch}): {message.Text}");
        }

        foreach (var t in new[] { 0.5, 0.7, 0.9 })
        {
            Console.WriteLine($"  at {t:0.0}: {held.Count(h => h.Message.Positive && h.Probability >= t)} of {heldPositive}, false alarms {held.Count(h => !h.Message.Positive && h.Probability >= t)}");
        }

        // Its value: the held-out messages of its class that the rules alone miss, and how many of them the triage with
        // the held-out model (its gates included) raises.
        var (ruleMisses, ruleMissesFound) = RuleMisses(content, spec, held.Where(h => h.Message.Positive).Select(h => h.Message), heldModels, threshold);
        Console.WriteLine($"  the rules alone miss {ruleMisses} of the {heldPositive} held-out {name} messages; the triage with the held-out model raises {ruleMissesFound} of them");

        var final = Train(messages);
        var weights = final.Weights.Where(w => Math.Abs(w.Value) >= PruneBelow).OrderBy(w => w.Key, StringComparer.Ordinal)
            .ToDictionary(w => w.Key, w => (float)Math.Round(w.Value, 4), StringComparer.Ordinal);
        var fit = new Dictionary<string, double>
        {
            [$"{name}_messages"] = positiveCount,
            ["calm_messages"] = messages.Count - positiveCount,
            [$"held_out_{name}_found"] = caught,
            [$"held_out_{name}"] = heldPositive,
            ["held_out_false_alarms"] = falseAlarms.Count,
            ["held_out_calm"] = heldCalm,
        };
        if (spec.SaveRuleMisses)
        {
            fit[$"held_out_{name}_rules_miss"] = ruleMisses;
            fit[$"held_out_{name}_rules_miss_found"] = ruleMissesFound;
        }

        var reading = new LearnedSafetyReading
        {
            About = $"Fitted by `dotnet run --project eval/B12Bot.ModelFit -c Release -- {name}` from the {name} and calm messages of eval/*.json "
                    + "(never the test set or a holdout set) and the backstop examples of safety.yaml; threshold: the lowest whose false alarms, "
                    + $"each fresh batch read by a model fitted without it, stay within 1 in {FalseAlarmBudget} calm messages. Do not edit by hand.",
            Threshold = threshold,
            Bias = Math.Round(final.Bias, 4),
            Weights = weights,
            Fit = fit,
        };
        var output = Path.Combine(dialogs, kind.FileName);
        File.WriteAllText(output, reading.ToJson() + "\n");
        Console.WriteLine($"wrote {output} ({weights.Count} weights of {final.Weights.Count})");
        return 0;
    }

    /// <summary>The batches each read by a model fitted without them: the blind batches and the near-miss sets.</summary>
    private static bool IsHeldOutBatch(string batch) =>
        batch.StartsWith("fresh-", StringComparison.Ordinal) || batch.StartsWith("crisis-", StringComparison.Ordinal);

    /// <summary>
    /// How many held-out messages of the class the rules alone (no learned reading) do not read as it, and how many of
    /// those the triage raises with the model fitted without their batch beside the rules.
    /// </summary>
    private static (int Misses, int Found) RuleMisses(B12Content content, Spec spec, IEnumerable<Message> positives, Dictionary<string, Fitted> heldModels, double threshold)
    {
        var analyzer = new TermAnalyzer(content.Language, LexicalIndex.VocabularyTexts(content));
        var rulesAlone = new SafetyTriage(content.Safety, analyzer.IsKnownWord);
        var missed = positives.Where(m => rulesAlone.Screen(m.Text).Class != spec.Kind.RaisesTo).ToList();
        var found = 0;
        foreach (var batch in missed.GroupBy(m => m.Batch))
        {
            var fitted = heldModels[batch.Key];
            var model = new LearnedSafetyReading
            {
                Threshold = threshold,
                Bias = fitted.Bias,
                Weights = fitted.Weights.ToDictionary(w => w.Key, w => (float)w.Value, StringComparer.Ordinal),
            }.Ready(spec.Kind);
            var triage = spec.Kind.RaisesTo == TriageClass.Crisis
                ? new SafetyTriage(content.Safety, analyzer.IsKnownWord, crisisModel: model)
                : new SafetyTriage(content.Safety, analyzer.IsKnownWord, emergencyModel: model);
            found += batch.Count(m => triage.Screen(m.Text) is { RuleId: var id } && id == spec.Kind.RuleId);
        }

        return (missed.Count, found);
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
        var positive = messages.Count(m => m.Positive);
        var positiveWeight = Math.Max(1.0, (messages.Count - positive) / (4.0 * Math.Max(1, positive)));
        var order = Enumerable.Range(0, messages.Count).ToArray();
        var random = new Random(Seed);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var message = messages[i];
                var p = Probability(new Fitted(weights, bias), message.Features);
                var gradient = (p - (message.Positive ? 1 : 0)) * (message.Positive ? positiveWeight : 1);
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

        return LearnedSafetyReading.ProbabilityOf(z);
    }
}
