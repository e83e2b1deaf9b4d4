using System.Text.Json;
using System.Text.Json.Serialization;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// A learned second reading for a crisis: a logistic model over a message's words and word pairs, fitted from the crisis
/// messages of the safety batches against everything else they and the understanding batches hold (questions, figures
/// of speech, past reactions, poisonings) by <c>dotnet run --project eval/B12Bot.ModelFit -c Release -- crisis</c>.
/// The rules name what they know; a crisis told in other words ("i keep standing at the edge of the platform",
/// "give my slot to someone else, i won't be around") shares its words with the crisis messages the rules were written
/// from, not one rule's pattern, so fresh batches kept missing about one crisis message in six. The model only ever
/// raises a message to the crisis line; the reply is the reviewed crisis message, never generated text.
/// </summary>
public sealed class CrisisLanguageModel
{
    public const string FileName = "crisis-model.json";

    /// <summary>The rule id logged when the model, not a rule, found the crisis.</summary>
    public const string RuleId = "learned_crisis";

    /// <summary>Words of a message read at most (a bound on the work for a long pasted text).</summary>
    public const int MaxWords = 400;

    /// <summary>Characters of a word pair feature at most ("around_by"); longer pairs are not features.</summary>
    private const int MaxPairLength = 128;

    private Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>>? _lookup;

    [JsonPropertyName("about")]
    public string About { get; init; } = "";

    /// <summary>A message at least this likely to be a crisis gets the crisis line.</summary>
    [JsonPropertyName("threshold")]
    public required double Threshold { get; init; }

    [JsonPropertyName("bias")]
    public required double Bias { get; init; }

    /// <summary>The weight of each word ("gone") and word pair ("around_by"); the rest weigh nothing.</summary>
    [JsonPropertyName("weights")]
    public required Dictionary<string, float> Weights { get; init; }

    /// <summary>The figures the fitting command measured (leave one batch out), for the record.</summary>
    [JsonPropertyName("fit")]
    public Dictionary<string, double> Fit { get; init; } = [];

    /// <summary>Whether the message reads as a crisis.</summary>
    public bool IsCrisis(ReadOnlySpan<char> text) => Probability(text) >= Threshold;

    /// <summary>The model's probability that the message tells of a crisis.</summary>
    public double Probability(ReadOnlySpan<char> text)
    {
        var words = Words(text);
        var z = Bias;
        Span<char> pair = stackalloc char[MaxPairLength];
        for (var i = 0; i < words.Length; i++)
        {
            z += WeightOf(words[i]);
            if (i + 1 < words.Length && words[i].Length + words[i + 1].Length + 1 <= pair.Length)
            {
                words[i].AsSpan().CopyTo(pair);
                pair[words[i].Length] = '_';
                words[i + 1].AsSpan().CopyTo(pair[(words[i].Length + 1)..]);
                z += WeightOf(pair[..(words[i].Length + words[i + 1].Length + 1)]);
            }
        }

        return ProbabilityOf(z);
    }

    /// <summary>The probability of a summed score (bias plus weights), as the model and its fitting command read it.</summary>
    public static double ProbabilityOf(double score) => 1 / (1 + Math.Exp(-Math.Clamp(score, -30, 30)));

    /// <summary>The features of a message as the model reads them: each word and each pair of neighbouring words (for fitting).</summary>
    public static IReadOnlyList<string> Features(string text)
    {
        var words = Words(text.AsSpan());
        var features = new List<string>(words.Length * 2);
        for (var i = 0; i < words.Length; i++)
        {
            features.Add(words[i]);
            if (i + 1 < words.Length && words[i].Length + words[i + 1].Length + 1 <= MaxPairLength)
            {
                features.Add(words[i] + "_" + words[i + 1]);
            }
        }

        return features;
    }

    /// <summary>Lower-cased words without punctuation, as the rules read them ("can't" is "cant"), at most <see cref="MaxWords"/>.</summary>
    private static string[] Words(ReadOnlySpan<char> text)
    {
        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(text, keepSentenceMarks: false, maxLength: SafetyTriage.TextBudget));
        return words.Length <= MaxWords ? words : words[..MaxWords];
    }

    private float WeightOf(ReadOnlySpan<char> feature) =>
        (_lookup ?? throw new InvalidOperationException("Call Ready() on a crisis model made in code.")).TryGetValue(feature, out var weight) ? weight : 0;

    public static CrisisLanguageModel Load(string path)
    {
        var model = ModelFile.Read(path, CrisisModelJsonContext.Default.CrisisLanguageModel, "the crisis model");
        if (model.Threshold is <= 0 or > 1 || double.IsNaN(model.Threshold) || !double.IsFinite(model.Bias)
            || model.Weights.Any(w => !float.IsFinite(w.Value) || string.IsNullOrWhiteSpace(w.Key)))
        {
            throw new InvalidOperationException($"{path}: the crisis model needs a threshold between 0 and 1 and finite weights; run the fitting command.");
        }

        return model.Ready();
    }

    /// <summary>The model with its word lookup built (a model made in code, as the fitting command does).</summary>
    public CrisisLanguageModel Ready()
    {
        var weights = new Dictionary<string, float>(Weights, StringComparer.Ordinal);
        _lookup = weights.GetAlternateLookup<ReadOnlySpan<char>>();
        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(this, CrisisModelJsonContext.Default.CrisisLanguageModel);
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(CrisisLanguageModel))]
internal sealed partial class CrisisModelJsonContext : JsonSerializerContext;
