using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.Teams;

/// <summary>
/// Strips the bot's own @mention ("&lt;at&gt;Bot&lt;/at&gt;") from incoming message text so dialogs and FAQ matching see
/// only what the user asked. Mentions of other people are left alone; the mention entities stay on the activity.
/// </summary>
public sealed class TeamsMentionMiddleware : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.IsType(ActivityTypes.Message))
        {
            turnContext.Activity.RemoveRecipientMention();
        }

        return next(cancellationToken);
    }
}
