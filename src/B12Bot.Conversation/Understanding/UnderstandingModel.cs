using System.Text.Json;
using System.Text.Json.Serialization;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The calibrated understanding model (dialogs/understanding-model.json), written by the fitting command
/// (<c>dotnet run --project eval/B12Bot.ModelFit</c>): which intent a message asks for, whether it is about B12 care,
/// and the thresholds chosen from the measured precision curve.
/// </summary>
public sealed class UnderstandingModel
{
    public const string FileName = "understanding-model.json";

    [JsonPropertyName("about")]
    public string About { get; init; } = "";

    /// <summary>Hash of the content the model was fitted on (faq.yaml, walkthrough.yaml, language.yaml), for the record.</summary>
    [JsonPropertyName("content_hash")]
    public string ContentHash { get; init; } = "";

    [JsonPropertyName("candidate")]
    public required LogisticModel Candidate { get; init; }

    [JsonPropertyName("scope")]
    public required LogisticModel Scope { get; init; }

    /// <summary>A best intent this likely is answered.</summary>
    [JsonPropertyName("answer_threshold")]
    public required double AnswerThreshold { get; init; }

    /// <summary>Two intents both at least this likely (and neither answerable) get "did you mean".</summary>
    [JsonPropertyName("clarify_threshold")]
    public required double ClarifyThreshold { get; init; }

    /// <summary>A message less likely than this to be about B12 care gets the scope statement.</summary>
    [JsonPropertyName("scope_threshold")]
    public required double ScopeThreshold { get; init; }

    /// <summary>The figures the fitting command measured (cross-validated), for the record.</summary>
    [JsonPropertyName("fit")]
    public Dictionary<string, double> Fit { get; init; } = [];

    public static UnderstandingModel Load(string path)
    {
        UnderstandingModel? model;
        try
        {
            model = JsonSerializer.Deserialize(File.ReadAllText(path), UnderstandingJsonContext.Default.UnderstandingModel);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidOperationException($"{path}: cannot read the understanding model: {e.Message}", e);
        }

        if (model is null)
        {
            throw new InvalidOperationException($"{path}: the understanding model is empty.");
        }

        Check(path, "candidate", model.Candidate, UnderstandingFeatures.CandidateNames);
        Check(path, "scope", model.Scope, UnderstandingFeatures.ScopeNames);
        foreach (var (name, value) in new[] { ("answer_threshold", model.AnswerThreshold), ("clarify_threshold", model.ClarifyThreshold), ("scope_threshold", model.ScopeThreshold) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw new InvalidOperationException($"{path}: {name} must be between 0 and 1; it is {value}.");
            }
        }

        return model;
    }

    public string ToJson() => JsonSerializer.Serialize(this, UnderstandingJsonContext.Default.UnderstandingModel);

    private static void Check(string path, string name, LogisticModel part, string[] expected)
    {
        if (!part.Features.SequenceEqual(expected, StringComparer.Ordinal) || part.Weights.Length != expected.Length
            || part.Weights.Any(w => !double.IsFinite(w)) || !double.IsFinite(part.Bias))
        {
            throw new InvalidOperationException(
                $"{path}: the '{name}' model must have finite weights for the features [{string.Join(", ", expected)}]; "
                + "run the fitting command (dotnet run --project eval/B12Bot.ModelFit) after changing the features.");
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(UnderstandingModel))]
internal sealed partial class UnderstandingJsonContext : JsonSerializerContext;
