using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.Teams;

/// <summary>
/// Registers a send hook that runs every outgoing message of a Teams turn through <see cref="TeamsMessageShaper"/>
/// (suggested actions or an Adaptive Card of buttons, urgent notification alert, 100 KB limit). Register it before any middleware that
/// may send, so that error messages and typing indicators are shaped too.
/// </summary>
public sealed class TeamsMessageShaperMiddleware(TeamsMessageShaper? shaper = null) : IMiddleware
{
    private readonly TeamsMessageShaper _shaper = shaper ?? new TeamsMessageShaper();

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.IsTeams())
        {
            turnContext.OnSendActivities(ShapeAsync);
        }

        return next(cancellationToken);
    }

    private async Task<ResourceResponse[]> ShapeAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        var originalCount = activities.Count;
        var origins = _shaper.Shape(activities);
        var responses = await next().ConfigureAwait(false);
        if (origins is null || responses.Length != origins.Length)
        {
            return responses;
        }

        // One response per activity the bot asked to send: the first part of a split message stands for the whole.
        var mapped = new ResourceResponse[originalCount];
        for (var i = 0; i < origins.Length; i++)
        {
            mapped[origins[i]] ??= responses[i];
        }

        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] ??= new ResourceResponse();
        }

        return mapped;
    }
}
