namespace B12Bot.Conversation.Safety;

/// <summary>The triage's verdict on one message: its class and the id of the rule that decided it (the only thing logged).</summary>
public readonly record struct TriageResult(TriageClass Class, string? RuleId)
{
    public static TriageResult None => default;

    public bool IsNone => Class == TriageClass.None;
}
