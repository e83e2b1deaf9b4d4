using System.Text.Json;

namespace B12Bot.Conversation.Safety;

/// <summary>Stand-in over the old emergency screen, so the triage tests can be written (and measured) before the triage is built.</summary>
public sealed class SafetyTriage(EmergencyDetector detector)
{
    public TriageResult Screen(string? text, JsonElement? value = null)
    {
        var result = detector.Detect(text);
        return result.IsEmergency ? new TriageResult(TriageClass.Emergency, result.SignId) : TriageResult.None;
    }
}
