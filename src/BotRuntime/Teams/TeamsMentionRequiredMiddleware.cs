using System.Text.Json;
using BotRuntime.Builder;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotRuntime.Teams;

/// <summary>
/// In Teams group chats and channels the bot answers only when it is @mentioned: an un-mentioned message ends the turn
/// here, silently (Teams itself only delivers mentioned messages unless the app has resource-specific consent, so this
/// keeps the bot quiet if it ever gets more). Card actions always go through, because the user pressed one of the bot's
/// own buttons: Adaptive Card submits and messageBack (a message carrying a <c>value</c>) and hero card imBack clicks,
/// which Teams sends as a reply to the card's message (<c>replyToId</c>) and need not carry a mention. Personal chats
/// and other activity types pass.
/// </summary>
public sealed partial class TeamsMentionRequiredMiddleware(ILogger<TeamsMentionRequiredMiddleware>? logger = null) : IMiddleware
{
    private readonly ILogger _logger = logger ?? NullLogger<TeamsMentionRequiredMiddleware>.Instance;

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.Message) && activity.IsTeams() && activity.IsTeamsGroupConversation()
            && !IsCardAction(activity) && !activity.IsRecipientMentioned())
        {
            LogIgnored(activity.GetTeamsConversationType() ?? "group");
            return Task.CompletedTask;
        }

        return next(cancellationToken);
    }

    private static bool IsCardAction(Activity activity) =>
        activity.Value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } || !string.IsNullOrEmpty(activity.ReplyToId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a Teams {ConversationType} message that does not mention the bot")]
    private partial void LogIgnored(string conversationType);
}
