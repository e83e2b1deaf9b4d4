namespace BotRuntime.AspNetCore.DirectLine;

public enum CallerKind
{
    Missing,
    Invalid,
    ExpiredToken,
    Token,
    Secret,
}

/// <summary>Who calls: the kind of credential, and for a token its conversation, user and the conversation's end.</summary>
public sealed record DirectLineCaller(CallerKind Kind, string? ConversationId, string? UserId, DateTimeOffset? ConversationEndsAt = null)
{
    public static DirectLineCaller Missing { get; } = new(CallerKind.Missing, null, null);

    public static DirectLineCaller Invalid { get; } = new(CallerKind.Invalid, null, null);

    public static DirectLineCaller SecretHolder { get; } = new(CallerKind.Secret, null, null);

    /// <summary>True when the caller may act on <paramref name="conversationId"/>.</summary>
    public bool MayUse(string conversationId) =>
        Kind == CallerKind.Secret || (Kind == CallerKind.Token && string.Equals(ConversationId, conversationId, StringComparison.Ordinal));
}
