namespace B12Bot.Conversation.Safety;

/// <summary>The emergency screen's verdict on one message: whether to escalate, and which sign was seen.</summary>
public readonly record struct EmergencyScreenResult(bool IsEmergency, string? SignId)
{
    public static EmergencyScreenResult None => default;
}
