using B12Bot.Conversation.Content;
using BotRuntime.Builder;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// Watches the bot's own replies in a visitor's turn: after a "not sure, did you mean" answer and after a walkthrough
/// outcome it adds the "Talk to a person" button, and it keeps the walkthrough outcome (the bot's report, whose answers
/// are choice labels, never the visitor's words) so it can be shared with the team on request.
/// </summary>
public sealed class HandoffOffer(B12Content content, HandoffContent handoffContent)
{
    public void Watch(ITurnContext turnContext, VisitorHandoffState state)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        turnContext.OnSendActivities((_, activities, next) =>
        {
            foreach (var activity in activities)
            {
                if (!activity.IsType(ActivityTypes.Message) || activity.Text is not { Length: > 0 } text)
                {
                    continue;
                }

                var isOutcome = text.Contains(content.Walkthrough.SummaryHeading, StringComparison.Ordinal);
                if (isOutcome)
                {
                    state.WalkthroughSummary = text;
                }

                if (isOutcome || text.StartsWith(content.Messages.NotSure, StringComparison.Ordinal))
                {
                    AddButton(activity);
                }
            }

            return next();
        });
    }

    private void AddButton(Activity activity)
    {
        var actions = activity.SuggestedActions?.Actions ?? [];
        if (!actions.Exists(a => a.Title == handoffContent.Button))
        {
            actions.Add(new CardAction(ActionTypes.ImBack, handoffContent.Button, handoffContent.Button));
        }

        activity.SuggestedActions ??= new SuggestedActions();
        activity.SuggestedActions.Actions = actions;
    }
}
