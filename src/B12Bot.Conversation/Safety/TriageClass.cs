namespace B12Bot.Conversation.Safety;

/// <summary>What the safety triage decided about a message. Declared in rising priority: when several apply, the highest wins.</summary>
public enum TriageClass
{
    /// <summary>Nothing for the triage: the message goes on to normal understanding.</summary>
    None,

    /// <summary>A new symptom after an injection that is not clearly an emergency: ask the one check question.</summary>
    PossibleReaction,

    /// <summary>Too many pills, a whole vial, a child or pet that swallowed medicine: Poison Control.</summary>
    Poisoning,

    /// <summary>Self-harm or suicidal thoughts, the person's own or someone else's: the crisis line.</summary>
    Crisis,

    /// <summary>Anaphylaxis or another red flag happening now: the urgent message.</summary>
    Emergency,
}
