using BotRuntime.Schema;

namespace BotRuntime.Builder;

public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

public delegate Task<ResourceResponse> UpdateActivityHandler(ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse>> next);

public delegate Task DeleteActivityHandler(ITurnContext turnContext, ConversationReference reference, Func<Task> next);

/// <summary>Everything one turn of the bot sees and can do: the incoming activity, replies, and a per-turn state bag.</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    TurnContextStateCollection TurnState { get; }

    Activity Activity { get; }

    /// <summary>True once any non-trace activity has been sent in this turn.</summary>
    bool Responded { get; }

    string? Locale { get; set; }

    /// <summary>Replies held back for the HTTP answer when the request asked for deliveryMode expectReplies.</summary>
    List<Activity> BufferedReplyActivities { get; }

    Task<ResourceResponse?> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default);

    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}
