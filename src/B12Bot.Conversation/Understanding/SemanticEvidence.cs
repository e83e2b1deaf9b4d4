namespace B12Bot.Conversation.Understanding;

/// <summary>What the meaning of a message says: per intent (catalog order), cosine similarities of sentence embeddings.</summary>
public sealed class SemanticEvidence(double[] phrasing, double[] answer, double outOfScope = -1)
{
    /// <summary>The closest phrasing or title of each intent.</summary>
    public double[] Phrasing { get; } = phrasing;

    /// <summary>Each intent's answer text.</summary>
    public double[] Answer { get; } = answer;

    /// <summary>The closest example question about a subject the bot does not answer (-1 when there is none).</summary>
    public double OutOfScope { get; } = outOfScope;

    /// <summary>
    /// The evidence of a message read whole and of its question sentence (<see cref="Text.AnalyzedText.QuestionSentence"/>),
    /// per intent the closer of the two: a story's question is as near its topic as the same question asked alone.
    /// </summary>
    public SemanticEvidence CloserOf(SemanticEvidence? question)
    {
        if (question is null)
        {
            return this;
        }

        var phrasing = new double[Phrasing.Length];
        var answer = new double[Answer.Length];
        for (var i = 0; i < phrasing.Length; i++)
        {
            phrasing[i] = Math.Max(Phrasing[i], question.Phrasing[i]);
        }

        for (var i = 0; i < answer.Length; i++)
        {
            answer[i] = Math.Max(Answer[i], question.Answer[i]);
        }

        return new SemanticEvidence(phrasing, answer, Math.Max(OutOfScope, question.OutOfScope));
    }
}
