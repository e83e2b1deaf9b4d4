namespace BotRuntime.AspNetCore.DirectLine.Streaming;

/// <summary>
/// Carries a live-only activity (typing) to the conversation's stream, on whichever instance holds it. Stored
/// activities need no relay: a history shared by several instances tells the other instances itself when it appends.
/// </summary>
public interface IConversationStreamRelay
{
    ValueTask PublishTransientAsync(string conversationId, ReadOnlyMemory<byte> activityJson, CancellationToken cancellationToken);
}
