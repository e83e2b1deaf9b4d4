using System.Text.Json.Serialization;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// A (multinomial) logistic regression over named features: <see cref="Probability"/> for a yes/no reading, or
/// <see cref="Score"/> per option for a choice among options (softmax, see <see cref="DecisionPolicy"/>).
/// </summary>
public sealed class LogisticModel
{
    [JsonPropertyName("features")]
    public required string[] Features { get; init; }

    [JsonPropertyName("weights")]
    public required double[] Weights { get; init; }

    [JsonPropertyName("bias")]
    public required double Bias { get; init; }

    public double Probability(ReadOnlySpan<double> features) => 1 / (1 + Math.Exp(-Score(features)));

    /// <summary>The linear score (log-odds).</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            z += Weights[i] * features[i];
        }

        return z;
    }
}
