using BotRuntime.Builder;
using BotRuntime.Storage;

namespace BotRuntime.State;

/// <summary>State shared by everyone in a conversation. Key: <c>{channelId}/conversations/{conversationId}</c>.</summary>
public class ConversationState(IStorage storage, StateJson? json = null) : BotState(storage, nameof(ConversationState), json)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("Invalid activity: missing channelId.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("Invalid activity: missing conversation.id.");
        return $"{channelId}/conversations/{conversationId}";
    }
}
