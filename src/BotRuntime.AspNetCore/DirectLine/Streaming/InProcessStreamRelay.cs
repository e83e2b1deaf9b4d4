namespace BotRuntime.AspNetCore.DirectLine.Streaming;

/// <summary>One instance: the stream, if any, is in this process.</summary>
public sealed class InProcessStreamRelay(ConversationStreamHub hub) : IConversationStreamRelay
{
    public ValueTask PublishTransientAsync(string conversationId, ReadOnlyMemory<byte> activityJson, CancellationToken cancellationToken)
    {
        hub.PublishTransient(conversationId, activityJson);
        return ValueTask.CompletedTask;
    }
}
