using System.Text.Json;
using System.Text.Json.Serialization;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// What a learned safety reading raises a message to: its class, the rule id logged when the model (not a rule) found
/// it, its model file in dialogs/, and the fitting command's name for it (<c>-- crisis</c>, <c>-- emergency</c>).
/// </summary>
public sealed record LearnedReadingKind(TriageClass RaisesTo, string RuleId, string FileName, string Name)
{
    /// <summary>The learned crisis reading (session 21): the crisis line.</summary>
    public static LearnedReadingKind Crisis { get; } = new(TriageClass.Crisis, "learned_crisis", "crisis-model.json", "crisis");

    /// <summary>The learned emergency reading: the urgent message (911).</summary>
    public static LearnedReadingKind Emergency { get; } = new(TriageClass.Emergency, "learned_emergency", "emergency-model.json", "emergency");
}

/// <summary>
/// A learned second reading beside the safety rules: a logistic model over a message's words and word pairs, fitted from
/// one class's messages of the safety batches (crisis, or emergency) against the calm messages they and the
/// understanding batches hold (questions, figures of speech, past reactions) by
/// <c>dotnet run --project eval/B12Bot.ModelFit -c Release -- crisis</c> (or <c>-- emergency</c>).
/// The rules name what they know; a crisis or an emergency told in other words ("i keep standing at the edge of the
/// platform", "what do i do, my throat is swelling") shares its words with the messages the rules were written from,
/// not one rule's pattern, so fresh batches kept finding new phrasings the rules missed. The model only ever raises a
/// calm reading to its class (<see cref="Kind"/>); the reply is the reviewed message, never generated text.
/// </summary>
public sealed class LearnedSafetyReading
{
    /// <summary>Words of a message read at most (a bound on the work for a long pasted text).</summary>
    public const int MaxWords = 400;

    /// <summary>Characters of a word pair feature at most ("around_by"); longer pairs are not features.</summary>
    private const int MaxPairLength = 128;

    private Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>>? _lookup;

    /// <summary>What the model raises a message to (set when it is loaded or made ready; not in the file).</summary>
    [JsonIgnore]
    public LearnedReadingKind Kind { get; private set; } = LearnedReadingKind.Crisis;

    [JsonPropertyName("about")]
    public string About { get; init; } = "";

    /// <summary>A message at least this likely to be of the model's class is raised to it.</summary>
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

    /// <summary>Whether words read by <see cref="Words"/> read as the model's class (one reading shared by both models).</summary>
    public bool Raises(ReadOnlySpan<string> words) => Probability(words) >= Threshold;

    /// <summary>The model's probability that the message is of its class.</summary>
    public double Probability(ReadOnlySpan<char> text) => Probability(Words(text));

    /// <summary>The model's probability for words read by <see cref="Words"/>.</summary>
    public double Probability(ReadOnlySpan<string> words)
    {
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
    public static string[] Words(ReadOnlySpan<char> text)
    {
        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(text, keepSentenceMarks: false, maxLength: SafetyTriage.TextBudget));
        return words.Length <= MaxWords ? words : words[..MaxWords];
    }

    private float WeightOf(ReadOnlySpan<char> feature) =>
        (_lookup ?? throw new InvalidOperationException("Call Ready() on a learned safety reading made in code.")).TryGetValue(feature, out var weight) ? weight : 0;

    /// <summary>The model of <paramref name="kind"/> from its file; a broken file is refused with the file's name first.</summary>
    public static LearnedSafetyReading Load(string path, LearnedReadingKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var what = $"the {kind.Name} model";
        var model = ModelFile.Read(path, LearnedSafetyReadingJsonContext.Default.LearnedSafetyReading, what);
        if (model.Threshold is <= 0 or > 1 || double.IsNaN(model.Threshold) || !double.IsFinite(model.Bias)
            || model.Weights.Any(w => !float.IsFinite(w.Value) || string.IsNullOrWhiteSpace(w.Key)))
        {
            throw new InvalidOperationException($"{path}: {what} needs a threshold between 0 and 1 and finite weights; run the fitting command (-- {kind.Name}).");
        }

        return model.Ready(kind);
    }

    /// <summary>The model of <paramref name="kind"/> from its own file in <paramref name="dialogsFolder"/>.</summary>
    public static LearnedSafetyReading LoadFrom(string dialogsFolder, LearnedReadingKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Load(Path.Combine(dialogsFolder, kind.FileName), kind);
    }

    /// <summary>The model with its word lookup built, raising to <paramref name="kind"/> (a model made in code, as the fitting command does).</summary>
    public LearnedSafetyReading Ready(LearnedReadingKind kind)
    {
        Kind = kind ?? throw new ArgumentNullException(nameof(kind));
        var weights = new Dictionary<string, float>(Weights, StringComparer.Ordinal);
        _lookup = weights.GetAlternateLookup<ReadOnlySpan<char>>();
        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(this, LearnedSafetyReadingJsonContext.Default.LearnedSafetyReading);
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(LearnedSafetyReading))]
internal sealed partial class LearnedSafetyReadingJsonContext : JsonSerializerContext;
