namespace B12Bot.Conversation.Understanding;

/// <summary>The model's reading of one message: how likely each intent is the one asked for, and that it is about B12 care.</summary>
public sealed class IntentAssessment(double[] intentProbabilities, double scopeProbability, int[] questionIntents)
{
    /// <summary>Per intent (catalog order).</summary>
    public double[] IntentProbabilities { get; } = intentProbabilities;

    public double ScopeProbability { get; } = scopeProbability;

    /// <summary>The intents separate question clauses clearly ask for (see <see cref="LexicalEvidence.QuestionIntents"/>).</summary>
    public int[] QuestionIntents { get; } = questionIntents;

    /// <summary>The message names another medicine, vitamin or condition (<see cref="LexicalEvidence.HasForeignSubject"/>).</summary>
    public bool NamesAnotherSubject { get; init; }

    /// <summary>The message's questions name something the content never speaks of and not B12 (<see cref="LexicalEvidence.AsksOfUnknownThing"/>).</summary>
    public bool AsksOfUnknownThing { get; init; }

    /// <summary>The only intents that may answer a subject asked about by itself (<see cref="LexicalEvidence.OnlyAnswersForSubjectAsked"/>).</summary>
    public IReadOnlySet<int>? OnlyAnswersForSubjectAsked { get; init; }

    /// <summary>A question clause of the message clearly asks for the walkthrough.</summary>
    public bool AsksForWalkthrough { get; init; }

    /// <summary>The message's last clause asks for the symptom check itself (<see cref="LexicalEvidence.RequestsWalkthrough"/>).</summary>
    public bool RequestsWalkthrough { get; init; }

    /// <summary>The message's last clause asks for the symptom check and nothing else (<see cref="LexicalEvidence.RequestsOnlyWalkthrough"/>).</summary>
    public bool RequestsOnlyWalkthrough { get; init; }

    /// <summary>Intent numbers, most likely first.</summary>
    public int[] Ranked()
    {
        var order = Enumerable.Range(0, IntentProbabilities.Length).ToArray();
        Array.Sort(order, (a, b) => IntentProbabilities[b].CompareTo(IntentProbabilities[a]));
        return order;
    }
}
