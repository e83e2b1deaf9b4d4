namespace BotRuntime.AspNetCore.DirectLine.History;

/// <summary>
/// A page of history. <see cref="Watermark"/> is the sequence of the last activity returned or, when none is new, the
/// latest sequence of the conversation. <see cref="HasMore"/> says that another page is waiting.
/// </summary>
public sealed record ActivityPage(IReadOnlyList<StoredActivity> Activities, long Watermark, bool HasMore);
