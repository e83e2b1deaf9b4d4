using System.Globalization;
using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Schema;
using BotRuntime.Storage;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Handoff;

public enum ClaimOutcome
{
    Claimed,
    AlreadyTaken,
    Closed,
}

/// <summary>
/// Moves a handoff through its life: posts the request card into a new thread of the clinic channel, lets a team member
/// take it (updating the card and telling the visitor), relays messages both ways, ends it from either side, and
/// handles requests nobody took in time. Logs session ids and outcomes only, never message text.
/// </summary>
public sealed partial class HandoffCoordinator(
    HandoffStore store,
    IClinicChannelClient clinic,
    IVisitorMessenger visitor,
    HandoffTexts texts,
    HandoffOptions options,
    TimeProvider time,
    ILogger<HandoffCoordinator> logger)
{
    public HandoffTexts Texts => texts;

    /// <summary>The request, posted as a new thread; null when the clinic channel is unknown or unreachable.</summary>
    public async Task<HandoffSession?> RequestAsync(Activity visitorActivity, VisitorHandoffState shared, CancellationToken cancellationToken)
    {
        var channel = await store.GetClinicChannelAsync(cancellationToken).ConfigureAwait(false);
        if (channel is null)
        {
            LogNoChannel();
            return null;
        }

        var now = time.GetUtcNow();
        var session = NewSession(visitorActivity, now, HandoffStatus.Waiting);
        var recent = shared.RecentMessages.TakeLast(options.RecentMessages).ToList();
        var card = HandoffCards.Request(session, recent, shared.WalkthroughSummary, options.WaitForTaker);
        var targetChannel = string.IsNullOrWhiteSpace(options.TeamsChannelId) ? channel.ChannelId : options.TeamsChannelId;
        try
        {
            var (threadId, activityId) = await clinic.StartThreadAsync(channel, targetChannel, card, cancellationToken).ConfigureAwait(false);
            session.ThreadId = threadId;
            session.CardActivityId = activityId;
            await store.SaveSessionAsync(session, cancellationToken).ConfigureAwait(false);
            await store.SaveThreadAsync(threadId, session.Id, cancellationToken).ConfigureAwait(false);
            if (activityId is not null && !threadId.Contains(";messageid=", StringComparison.Ordinal))
            {
                // Replies in a channel thread arrive with "{channel};messageid={root message id}" as the conversation.
                await store.SaveThreadAsync($"{targetChannel};messageid={activityId}", session.Id, cancellationToken).ConfigureAwait(false);
            }

            await store.UpdateOpenAsync(session.Id, open: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(session.Id, ex.GetType().Name);
            return null;
        }

        LogRequested(session.Id, recent.Count, shared.WalkthroughSummary is not null);
        B12BotTelemetry.HandoffRequested();
        return session;
    }

    /// <summary>A session for a callback outside office hours: no thread until the visitor leaves a contact.</summary>
    public async Task<HandoffSession> OfferCallbackAsync(Activity visitorActivity, CancellationToken cancellationToken)
    {
        var session = NewSession(visitorActivity, time.GetUtcNow(), HandoffStatus.CallbackOffered);
        await store.SaveSessionAsync(session, cancellationToken).ConfigureAwait(false);
        await store.UpdateOpenAsync(session.Id, open: true, cancellationToken).ConfigureAwait(false);
        B12BotTelemetry.HandoffCallbackOffered();
        return session;
    }

    /// <summary>A team member takes the conversation. Exactly one wins when several press at once.</summary>
    public async Task<(ClaimOutcome Outcome, HandoffSession? Session)> ClaimAsync(string sessionId, ChannelAccount staff, CancellationToken cancellationToken)
    {
        var session = await store.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.Status is HandoffStatus.Ended or HandoffStatus.CallbackOffered)
        {
            return (ClaimOutcome.Closed, session);
        }

        if (session.Status == HandoffStatus.Connected)
        {
            return (ClaimOutcome.AlreadyTaken, session);
        }

        session.Status = HandoffStatus.Connected;
        session.StaffName = HandoffTexts.FirstName(staff.Name);
        session.StaffAadObjectId = staff.AadObjectId;
        session.ClaimedAt = time.GetUtcNow();
        try
        {
            await store.SaveSessionAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (EtagConflictException)
        {
            // Someone else took it (or it timed out) a moment earlier.
            var current = await store.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
            return (current?.Status == HandoffStatus.Connected ? ClaimOutcome.AlreadyTaken : ClaimOutcome.Closed, current);
        }

        LogClaimed(session.Id);
        B12BotTelemetry.HandoffTaken(session.ClaimedAt.Value - session.CreatedAt);
        await visitor.SendAsync(session, [Replies.Message(texts.Get(HandoffContent.Joined, session.StaffName))], cancellationToken).ConfigureAwait(false);
        await UpdateCardAsync(session, TakenLine(session), canEnd: true, cancellationToken).ConfigureAwait(false);
        return (ClaimOutcome.Claimed, session);
    }

    /// <summary>The card's replacement after a take: who took it, and the End button.</summary>
    public Activity CardFor(HandoffSession session) => session.Status switch
    {
        HandoffStatus.Connected => HandoffCards.Status(session, TakenLine(session), canEnd: true),
        _ => HandoffCards.Status(session, "This chat has ended.", canEnd: false),
    };

    /// <summary>A staff message from the thread reaches the visitor's chat as plain text (never rendered as Markdown).</summary>
    public async Task RelayToVisitorAsync(HandoffSession session, string text, CancellationToken cancellationToken)
    {
        var message = Activity.CreateMessageActivity($"{texts.StaffName(session.StaffName)}: {text}", TextFormatTypes.Plain);
        await visitor.SendAsync(session, [message], cancellationToken).ConfigureAwait(false);
        LogRelayed(session.Id, "to visitor");
    }

    /// <summary>A visitor message reaches the thread, shown literally on a card.</summary>
    public async Task RelayToThreadAsync(HandoffSession session, string text, bool flagged, CancellationToken cancellationToken)
    {
        if (await ChannelAsync(session, cancellationToken).ConfigureAwait(false) is not { } channel)
        {
            return;
        }

        await clinic.PostAsync(channel, session.ThreadId!, HandoffCards.VisitorMessage(text, flagged), cancellationToken).ConfigureAwait(false);
        LogRelayed(session.Id, "to thread");
    }

    /// <summary>The safety triage saw an emergency in the visitor's message: an urgent alert (Teams notification) in the thread.</summary>
    public async Task AlertUrgentAsync(HandoffSession session, string triageClass, string? visitorText, CancellationToken cancellationToken)
    {
        if (await ChannelAsync(session, cancellationToken).ConfigureAwait(false) is not { } channel)
        {
            return;
        }

        var alert = HandoffCards.Notice(
            $"URGENT: the safety check flagged the visitor's last message as a possible {triageClass.ToLowerInvariant()}. The bot has told them to get urgent help now. Please check on them here at once.",
            urgent: true);
        await clinic.PostAsync(channel, session.ThreadId!, alert, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(visitorText))
        {
            await clinic.PostAsync(channel, session.ThreadId!, HandoffCards.VisitorMessage(visitorText, flagged: true), cancellationToken).ConfigureAwait(false);
        }

        LogUrgent(session.Id, triageClass);
    }

    /// <summary>Ends the chat; the other side is told. Returns false when it had already ended.</summary>
    public async Task<bool> EndAsync(string sessionId, bool byStaff, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var session = await store.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (session is null || !session.IsActive)
            {
                return false;
            }

            var wasConnected = session.Status == HandoffStatus.Connected;
            session.Status = HandoffStatus.Ended;
            session.EndedAt = time.GetUtcNow();
            try
            {
                await store.SaveSessionAsync(session, cancellationToken).ConfigureAwait(false);
            }
            catch (EtagConflictException)
            {
                continue;
            }

            LogEnded(session.Id, byStaff ? "staff" : "visitor");
            if (byStaff)
            {
                await visitor.SendAsync(session, [Replies.Message(texts.Get(HandoffContent.StaffEnded, session.StaffName))], cancellationToken).ConfigureAwait(false);
            }
            else if (await ChannelAsync(session, cancellationToken).ConfigureAwait(false) is { } channel)
            {
                await clinic.PostAsync(channel, session.ThreadId!, HandoffCards.Notice("The visitor ended the chat and has left."), cancellationToken).ConfigureAwait(false);
            }

            await UpdateCardAsync(session, wasConnected ? $"Ended ({(byStaff ? "by the clinic team" : "by the visitor")})." : "Ended before anyone took it.", canEnd: false, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>The visitor leaves a contact for a callback (already agreed to): posted into the thread, or a new one.</summary>
    public async Task<bool> SendCallbackAsync(string sessionId, string contact, CancellationToken cancellationToken)
    {
        var session = await store.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var channel = await store.GetClinicChannelAsync(cancellationToken).ConfigureAwait(false);
        if (session is null || channel is null)
        {
            return false;
        }

        var card = HandoffCards.Callback(contact, time.GetUtcNow() + options.CallbackRetention);
        try
        {
            if (session.ThreadId is null)
            {
                var targetChannel = string.IsNullOrWhiteSpace(options.TeamsChannelId) ? channel.ChannelId : options.TeamsChannelId;
                var (threadId, _) = await clinic.StartThreadAsync(channel, targetChannel, card, cancellationToken).ConfigureAwait(false);
                session.ThreadId = threadId;
            }
            else
            {
                await clinic.PostAsync(channel, session.ThreadId, card, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(session.Id, ex.GetType().Name);
            return false;
        }

        await CloseAsync(session, cancellationToken).ConfigureAwait(false);
        LogCallback(session.Id);
        B12BotTelemetry.HandoffCallbackLeft();
        return true;
    }

    /// <summary>The visitor turned the callback down or moved on.</summary>
    public async Task CloseAsync(HandoffSession session, CancellationToken cancellationToken)
    {
        session.Status = HandoffStatus.Ended;
        session.EndedAt = time.GetUtcNow();
        try
        {
            await store.SaveSessionAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (EtagConflictException)
        {
            // Changed elsewhere meanwhile; the sweep removes it in due course.
        }
    }

    /// <summary>
    /// Checks the open sessions: a request nobody took in time gets the callback offer (and the thread is told the
    /// visitor left); records past their keeping time are deleted. Returns how many sessions it changed.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var id in await store.GetOpenSessionIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var session = await store.GetSessionAsync(id, cancellationToken).ConfigureAwait(false);
            if (session is null || now >= session.DeleteAfter)
            {
                if (session?.ThreadId is { } thread)
                {
                    await store.DeleteThreadAsync(thread, cancellationToken).ConfigureAwait(false);
                }

                await store.DeleteSessionAsync(id, cancellationToken).ConfigureAwait(false);
                await store.UpdateOpenAsync(id, open: false, cancellationToken).ConfigureAwait(false);
                changed++;
            }
            else if (session.Status == HandoffStatus.Waiting && now >= session.TakeBy)
            {
                session.Status = HandoffStatus.CallbackOffered;
                try
                {
                    await store.SaveSessionAsync(session, cancellationToken).ConfigureAwait(false);
                }
                catch (EtagConflictException)
                {
                    continue; // taken at the last moment
                }

                LogTimedOut(session.Id);
                B12BotTelemetry.HandoffNotTaken();
                await visitor.SendAsync(session, [Replies.Message(texts.Get(HandoffContent.NobodyFree), [texts.Get(HandoffContent.CallbackButton), texts.Get(HandoffContent.NoThanksButton)])], cancellationToken).ConfigureAwait(false);
                if (await ChannelAsync(session, cancellationToken).ConfigureAwait(false) is { } channel)
                {
                    await clinic.PostAsync(channel, session.ThreadId!, HandoffCards.Notice(
                        $"Nobody took this within {Math.Ceiling(options.WaitForTaker.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes. The visitor has left this chat and was offered a callback and the clinic's number."), cancellationToken).ConfigureAwait(false);
                }

                await UpdateCardAsync(session, "Not taken in time: the visitor was offered a callback.", canEnd: false, cancellationToken).ConfigureAwait(false);
                changed++;
            }
        }

        return changed;
    }

    private HandoffSession NewSession(Activity visitorActivity, DateTimeOffset now, HandoffStatus status) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Status = status,
        VisitorChannelId = visitorActivity.ChannelId ?? string.Empty,
        VisitorConversationId = visitorActivity.Conversation?.Id ?? string.Empty,
        VisitorUserId = visitorActivity.From?.Id,
        VisitorServiceUrl = visitorActivity.ServiceUrl,
        VisitorLocale = visitorActivity.Locale,
        CreatedAt = now,
        TakeBy = now + options.WaitForTaker,
        DeleteAfter = now + options.CallbackRetention,
    };

    private static string TakenLine(HandoffSession session) =>
        $"Taken by {session.StaffName ?? "a team member"} at {session.ClaimedAt?.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC. Mention the bot in this thread to write to the visitor; say \"end chat\" or press End to finish.";

    private async Task<ClinicChannel?> ChannelAsync(HandoffSession session, CancellationToken cancellationToken) =>
        session.ThreadId is null ? null : await store.GetClinicChannelAsync(cancellationToken).ConfigureAwait(false);

    private async Task UpdateCardAsync(HandoffSession session, string statusLine, bool canEnd, CancellationToken cancellationToken)
    {
        if (session.CardActivityId is null || await ChannelAsync(session, cancellationToken).ConfigureAwait(false) is not { } channel)
        {
            return;
        }

        try
        {
            await clinic.UpdateAsync(channel, session.ThreadId!, session.CardActivityId, HandoffCards.Status(session, statusLine, canEnd), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            // The card keeps its old look; the chat itself goes on.
            LogPostFailed(session.Id, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff requested but the bot has not been installed in the clinic's team yet (no channel known)")]
    private partial void LogNoChannel();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff {SessionId}: posting to the clinic channel failed ({ExceptionType})")]
    private partial void LogPostFailed(string sessionId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {SessionId} requested: {MessageCount} recent messages shared, walkthrough summary {HasSummary}")]
    private partial void LogRequested(string sessionId, int messageCount, bool hasSummary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {SessionId} taken by a team member")]
    private partial void LogClaimed(string sessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handoff {SessionId}: a message relayed {Direction}")]
    private partial void LogRelayed(string sessionId, string direction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff {SessionId}: urgent alert ({TriageClass}) posted to the clinic thread")]
    private partial void LogUrgent(string sessionId, string triageClass);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {SessionId} ended by the {Side}")]
    private partial void LogEnded(string sessionId, string side);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {SessionId}: nobody took it in time; callback offered")]
    private partial void LogTimedOut(string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {SessionId}: callback contact sent to the clinic thread")]
    private partial void LogCallback(string sessionId);
}
