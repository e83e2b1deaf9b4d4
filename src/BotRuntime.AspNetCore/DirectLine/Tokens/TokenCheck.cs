namespace BotRuntime.AspNetCore.DirectLine.Tokens;

public enum TokenStatus
{
    Invalid,
    Expired,
    Valid,
}

/// <summary>
/// The outcome of checking a token: its status and, when it could be read, the conversation and user it names and when
/// that conversation ends.
/// </summary>
public sealed record TokenCheck(TokenStatus Status, string? ConversationId, string? UserId, DateTimeOffset? ConversationEndsAt = null)
{
    public static TokenCheck Invalid { get; } = new(TokenStatus.Invalid, null, null);
}
