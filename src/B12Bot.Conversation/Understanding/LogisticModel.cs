using System.Text.Json.Serialization;

namespace B12Bot.Conversation.Understanding;

/// <summary>A logistic regression: the probability that a yes/no reading is right, from named features.</summary>
public sealed class LogisticModel
{
    [JsonPropertyName("features")]
    public required string[] Features { get; init; }

    [JsonPropertyName("weights")]
    public required double[] Weights { get; init; }

    [JsonPropertyName("bias")]
    public required double Bias { get; init; }

    public double Probability(ReadOnlySpan<double> features)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            z += Weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
