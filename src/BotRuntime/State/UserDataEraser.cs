using BotRuntime.Builder;
using BotRuntime.Storage;

namespace BotRuntime.State;

/// <summary>
/// Forgets one user and their conversation: the conversation, user and private conversation state, through
/// <see cref="IStorage"/> (so every storage provider is covered), and every <see cref="IConversationDataStore"/> (the
/// Direct Line history, a transcript). Run it at the end of the turn: the cached state is dropped too, so the turn's
/// own save writes nothing back.
/// </summary>
public sealed class UserDataEraser(ConversationState conversationState, UserState? userState, IEnumerable<IConversationDataStore> stores)
{
    private readonly IConversationDataStore[] _stores = [.. stores.Distinct()];

    public async Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("Invalid activity: missing channelId.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("Invalid activity: missing conversation.id.");

        await conversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (userState is not null && activity.From?.Id is not null)
        {
            await userState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }

        if (activity.From?.Id is { } userId)
        {
            // Private conversation state, whether or not this bot registered it.
            await conversationState.Storage.DeleteAsync([$"{channelId}/conversations/{conversationId}/users/{userId}"], cancellationToken).ConfigureAwait(false);
        }

        foreach (var store in _stores)
        {
            await store.ForgetConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
