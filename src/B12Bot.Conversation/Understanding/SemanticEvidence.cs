namespace B12Bot.Conversation.Understanding;

/// <summary>What the meaning of a message says: per intent (catalog order), cosine similarities of sentence embeddings.</summary>
public sealed class SemanticEvidence(double[] phrasing, double[] answer)
{
    /// <summary>The closest phrasing or title of each intent.</summary>
    public double[] Phrasing { get; } = phrasing;

    /// <summary>Each intent's answer text.</summary>
    public double[] Answer { get; } = answer;
}
