using BotRuntime.Builder;
using BotRuntime.Schema;

namespace B12Bot.Teams.Tests.Support;

/// <summary>
/// An in-memory adapter: runs the middleware and the bot for one incoming activity and keeps what the bot sent
/// (after every send hook), the way the Bot Connector would receive it.
/// </summary>
public sealed class RecordingAdapter : BotAdapter
{
    private int _nextId;

    public List<Activity> Sent { get; } = [];

    public async Task<TurnContext> ProcessAsync(Activity activity, BotCallbackHandler bot)
    {
        var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, bot, CancellationToken.None);
        return context;
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            Sent.Add(activities[i]);
            responses[i] = new ResourceResponse($"sent-{Interlocked.Increment(ref _nextId)}");
        }

        return Task.FromResult(responses);
    }
}
