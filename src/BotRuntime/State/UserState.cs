using BotRuntime.Builder;
using BotRuntime.Storage;

namespace BotRuntime.State;

/// <summary>State that follows one user across conversations. Key: <c>{channelId}/users/{userId}</c>.</summary>
public class UserState(IStorage storage, StateJson? json = null) : BotState(storage, nameof(UserState), json)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("Invalid activity: missing channelId.");
        var userId = activity.From?.Id ?? throw new InvalidOperationException("Invalid activity: missing from.id.");
        return $"{channelId}/users/{userId}";
    }
}
