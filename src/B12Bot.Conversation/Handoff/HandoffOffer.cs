using B12Bot.Conversation.Content;
using BotRuntime.Builder;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// Watches the bot's own replies in a visitor's turn: after a "not sure, did you mean" answer and after a walkthrough
/// outcome it adds the "Talk to a person" button, and it keeps the walkthrough outcome (the bot's report, whose answers
/// are choice labels, never the visitor's words) so it can be shared with the team on request. The texts it looks for
/// and the button it adds come from the content of the turn, so a reload of dialogs/ applies to it too.
/// </summary>
public sealed class HandoffOffer(Func<ITurnContext, B12Content> contentOf, HandoffContentSource handoff)
{
    /// <summary>Fixed content (tools, tests).</summary>
    public HandoffOffer(B12Content content, HandoffContent handoffContent)
        : this(_ => content, new HandoffContentSource(handoffContent))
    {
    }

    /// <summary>The content snapshot the turn runs on, its handoff content included.</summary>
    public HandoffOffer(B12ContentSource content, HandoffContentSource handoff)
        : this(turn => content.For(turn).Content, handoff)
    {
    }

    public void Watch(ITurnContext turnContext, VisitorHandoffState state)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        var content = contentOf(turnContext);
        var button = handoff.For(turnContext).Button;
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
                    AddButton(activity, button);
                }
            }

            return next();
        });
    }

    private static void AddButton(Activity activity, string button)
    {
        var actions = activity.SuggestedActions?.Actions ?? [];
        if (!actions.Exists(a => a.Title == button))
        {
            actions.Add(new CardAction(ActionTypes.ImBack, button, button));
        }

        activity.SuggestedActions ??= new SuggestedActions();
        activity.SuggestedActions.Actions = actions;
    }
}
