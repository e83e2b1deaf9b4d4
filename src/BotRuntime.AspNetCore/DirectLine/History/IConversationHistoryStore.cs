using BotRuntime.Schema;

namespace BotRuntime.AspNetCore.DirectLine.History;

/// <summary>
/// Keeps Direct Line conversations and their activities in order. The in-memory store serves one process; a shared
/// store (SQLite, a database, Redis) lets several instances serve the same conversations, together with a shared
/// notification for the WebSocket streams.
/// </summary>
public interface IConversationHistoryStore
{
    /// <summary>Creates the conversation; false when one with that id already exists.</summary>
    ValueTask<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    /// <summary>The conversation, or null when it never existed or was forgotten. Counts as activity on it.</summary>
    ValueTask<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends activities in order. Each gets the next sequence number and the id <c>{conversationId}|{sequence:D7}</c>
    /// (set on the activity itself) and is stored as JSON. Returns null when the conversation is unknown.
    /// </summary>
    ValueTask<IReadOnlyList<StoredActivity>?> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Activities after the given watermark (a sequence number; 0 = from the start), at most <paramref name="maxCount"/>.
    /// Null when the conversation is unknown.
    /// </summary>
    ValueTask<ActivityPage?> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken);
}
