namespace BotRuntime.AspNetCore.DirectLine.History;

/// <summary>A conversation on the channel: who the user is and in which locale it started.</summary>
public sealed record DirectLineConversation(string Id, string UserId, string? UserName, string? Locale, DateTimeOffset CreatedAt);
