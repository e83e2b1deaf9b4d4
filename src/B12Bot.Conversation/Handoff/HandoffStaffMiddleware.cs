using System.Text.Json;
using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Teams;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// The clinic team's side, in Teams, before the safety triage (staff messages are not a patient's and must not get
/// patient replies). Learns the clinic channel from the installation in a team; handles "Take this conversation" and
/// "End" as Teams sends them (Action.Submit: a message with value; Action.Execute: invoke adaptiveCard/action);
/// relays what staff write in a handoff thread (their @mention of the bot removed) to the visitor, and "end chat" ends
/// it. Everything else in Teams goes on to the bot.
/// </summary>
public sealed partial class HandoffStaffMiddleware(
    HandoffStore store,
    HandoffCoordinator coordinator,
    HandoffRequestRecognizer recognizer,
    TimeProvider time,
    ILogger<HandoffStaffMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (!activity.IsTeams())
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        if ((activity.IsType(ActivityTypes.ConversationUpdate) || activity.IsType(ActivityTypes.InstallationUpdate)) && TeamOf(activity) is { } team)
        {
            await LearnChannelAsync(activity, team.TeamId, team.ChannelId, cancellationToken).ConfigureAwait(false);
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (HandoffCards.ReadAction(activity) is { } action)
        {
            await HandleActionAsync(turnContext, action.Action, action.SessionId, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (activity.IsType(ActivityTypes.Message) && activity.IsTeamsGroupConversation() && activity.Conversation?.Id is { Length: > 0 and <= 512 } threadId
            && await store.GetSessionByThreadAsync(threadId, cancellationToken).ConfigureAwait(false) is { } session)
        {
            await HandleStaffMessageAsync(turnContext, session, cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleActionAsync(ITurnContext turnContext, string action, string sessionId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var staff = activity.From ?? new ChannelAccount(string.Empty);
        Activity card;
        string? note = null;
        if (action == HandoffCards.TakeAction)
        {
            var (outcome, session) = await coordinator.ClaimAsync(sessionId, staff, cancellationToken).ConfigureAwait(false);
            card = session is null ? HandoffCards.Notice("This request is no longer available.") : coordinator.CardFor(session);
            note = outcome switch
            {
                ClaimOutcome.AlreadyTaken => $"{session?.StaffName ?? "Someone"} has already taken this conversation.",
                ClaimOutcome.Closed => "This request has closed: the visitor left or was offered a callback.",
                _ => null,
            };
        }
        else
        {
            var ended = await coordinator.EndAsync(sessionId, byStaff: true, cancellationToken).ConfigureAwait(false);
            var session = await store.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
            card = session is null ? HandoffCards.Notice("This chat has ended.") : coordinator.CardFor(session);
            note = ended ? null : "This chat had already ended.";
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            // Action.Execute: the answer is the replacement card, in the HTTP response of this same request.
            await turnContext.SendActivityAsync(ActivityHandler.CreateInvokeResponseActivity(new InvokeResponse
            {
                Status = 200,
                Body = card.Attachments is { Count: > 0 } ? HandoffCards.InvokeCardBody(card) : null,
            }), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (note is not null)
        {
            await turnContext.SendActivityAsync(HandoffCards.Notice(note), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleStaffMessageAsync(ITurnContext turnContext, HandoffSession session, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = activity.RemoveRecipientMention()?.Trim();
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (recognizer.IsEnd(turnContext, text))
        {
            if (!await coordinator.EndAsync(session.Id, byStaff: true, cancellationToken).ConfigureAwait(false))
            {
                await turnContext.SendActivityAsync(HandoffCards.Notice("This chat had already ended."), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (session.Status == HandoffStatus.Waiting)
        {
            // Writing in the thread takes the conversation, as pressing the button would.
            var (outcome, claimed) = await coordinator.ClaimAsync(session.Id, activity.From ?? new ChannelAccount(string.Empty), cancellationToken).ConfigureAwait(false);
            if (outcome == ClaimOutcome.Closed || claimed is null)
            {
                await turnContext.SendActivityAsync(HandoffCards.Notice("This request has closed: the visitor left or was offered a callback."), cancellationToken).ConfigureAwait(false);
                return;
            }

            session = claimed;
        }

        if (session.Status != HandoffStatus.Connected)
        {
            await turnContext.SendActivityAsync(HandoffCards.Notice("This chat has ended; the visitor will not see new messages here."), cancellationToken).ConfigureAwait(false);
            return;
        }

        await coordinator.RelayToVisitorAsync(session, text, cancellationToken).ConfigureAwait(false);
    }

    private async Task LearnChannelAsync(Activity activity, string? teamId, string? channelId, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.GetTeamsTenantId() is not { } tenantId || activity.Recipient?.Id is not { Length: > 0 } botId)
        {
            return;
        }

        var known = await store.GetClinicChannelAsync(cancellationToken).ConfigureAwait(false);
        var channel = channelId ?? teamId ?? activity.Conversation?.Id ?? string.Empty;
        if (known is not null && known.ServiceUrl == serviceUrl && known.TenantId == tenantId && known.ChannelId == channel && known.TeamId == teamId)
        {
            return;
        }

        await store.SaveClinicChannelAsync(new ClinicChannel
        {
            ServiceUrl = serviceUrl,
            TenantId = tenantId,
            TeamId = teamId,
            ChannelId = channel,
            BotId = botId,
            BotName = activity.Recipient.Name,
            LearnedAt = time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        LogLearned();
    }

    /// <summary>channelData.team.id and channelData.channel.id: present only in a team's channel.</summary>
    private static (string? TeamId, string? ChannelId)? TeamOf(Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("team", out var team) || team.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return (IdOf(team), data.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object ? IdOf(channel) : null);
    }

    private static string? IdOf(JsonElement element) =>
        element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 512 } value ? value : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff: the clinic channel was learned from the bot's installation in a team")]
    private partial void LogLearned();
}
