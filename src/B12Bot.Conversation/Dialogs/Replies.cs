using BotRuntime.Schema;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// Builds the bot's messages: reviewed content text as Markdown, with optional quick replies (imBack suggested actions
/// whose text is sent back as the user's next message). User text is never put into a reply.
/// </summary>
public static class Replies
{
    public static Activity Message(string text, IEnumerable<string>? quickReplies = null)
    {
        var activity = Activity.CreateMessageActivity(text, TextFormatTypes.Markdown);
        if (quickReplies is not null)
        {
            var actions = new List<CardAction>();
            foreach (var reply in quickReplies)
            {
                if (!actions.Exists(a => a.Title == reply))
                {
                    actions.Add(new CardAction(ActionTypes.ImBack, reply, reply));
                }
            }

            if (actions.Count > 0)
            {
                activity.SuggestedActions = new SuggestedActions { Actions = actions };
            }
        }

        return activity;
    }
}
