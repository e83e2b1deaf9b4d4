namespace B12Bot.Conversation.Understanding;

/// <summary>The model's reading of one message: how likely each intent is the one asked for, and that it is about B12 care.</summary>
public sealed class IntentAssessment(double[] intentProbabilities, double scopeProbability, int secondQuestionIntent)
{
    /// <summary>Per intent (catalog order).</summary>
    public double[] IntentProbabilities { get; } = intentProbabilities;

    public double ScopeProbability { get; } = scopeProbability;

    public int SecondQuestionIntent { get; } = secondQuestionIntent;

    /// <summary>Intent numbers, most likely first.</summary>
    public int[] Ranked()
    {
        var order = Enumerable.Range(0, IntentProbabilities.Length).ToArray();
        Array.Sort(order, (a, b) => IntentProbabilities[b].CompareTo(IntentProbabilities[a]));
        return order;
    }
}
