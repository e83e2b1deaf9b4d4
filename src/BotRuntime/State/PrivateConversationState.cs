using BotRuntime.Builder;
using BotRuntime.Storage;

namespace BotRuntime.State;

/// <summary>State of one user within one conversation. Key: <c>{channelId}/conversations/{conversationId}/users/{userId}</c>.</summary>
public class PrivateConversationState(IStorage storage, StateJson? json = null) : BotState(storage, nameof(PrivateConversationState), json)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("Invalid activity: missing channelId.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("Invalid activity: missing conversation.id.");
        var userId = activity.From?.Id ?? throw new InvalidOperationException("Invalid activity: missing from.id.");
        return $"{channelId}/conversations/{conversationId}/users/{userId}";
    }
}
