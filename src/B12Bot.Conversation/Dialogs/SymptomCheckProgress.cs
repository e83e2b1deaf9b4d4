namespace B12Bot.Conversation.Dialogs;

/// <summary>Where the symptom check is: the question being asked and the answers so far (question id -> choice value).</summary>
public sealed class SymptomCheckProgress
{
    public int QuestionIndex { get; set; }

    public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);
}
