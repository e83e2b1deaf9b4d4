using BotRuntime.Schema;

namespace B12Bot.Conversation.Handoff;

/// <summary>Posts into the clinic's Teams channel through the Bot Connector (the host implements it).</summary>
public interface IClinicChannelClient
{
    /// <summary>Starts a new thread in the channel with <paramref name="firstMessage"/>; returns the thread's conversation id and the message id.</summary>
    Task<(string ThreadId, string? ActivityId)> StartThreadAsync(ClinicChannel channel, string channelId, Activity firstMessage, CancellationToken cancellationToken);

    /// <summary>Posts a message into an existing thread.</summary>
    Task PostAsync(ClinicChannel channel, string threadId, Activity message, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot posted (PUT activity), e.g. the card after it was taken.</summary>
    Task UpdateAsync(ClinicChannel channel, string threadId, string activityId, Activity message, CancellationToken cancellationToken);
}

/// <summary>Sends proactive messages into the visitor's conversation (the host implements it for Direct Line).</summary>
public interface IVisitorMessenger
{
    Task SendAsync(HandoffSession session, IReadOnlyList<Activity> messages, CancellationToken cancellationToken);
}
