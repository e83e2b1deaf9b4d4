using System.Text.Json;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.AspNetCore.DirectLine.Streaming;
using BotRuntime.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// The channel itself, between the Direct Line endpoints and the bot: it stamps client activities (id, timestamp,
/// channel, conversation, the user from the token, the bot as recipient), stores and echoes them, runs the bot's turn
/// and stores its replies, and starts conversations with a conversationUpdate so the bot's welcome runs.
/// </summary>
public sealed partial class DirectLineChannel(
    IConversationHistoryStore store,
    ConversationStreamHub hub,
    DirectLineBotInvoker bot,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineChannel> logger)
{
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>
    /// Creates the conversation and runs the bot's conversationUpdate turn (bot and user added). Returns false, and does
    /// nothing, when the conversation already exists. A failing or slow welcome does not fail the start.
    /// </summary>
    public async Task<bool> StartConversationAsync(DirectLineConversation conversation, string serviceUrl, CancellationToken cancellationToken)
    {
        if (!await store.TryCreateAsync(conversation, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var user = UserAccount(conversation, null);
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = DirectLineIds.ActivityId(conversation.Id, 0),
            Timestamp = time.GetUtcNow(),
            ChannelId = _options.ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(conversation.Id),
            From = user,
            Recipient = BotAccount(),
            MembersAdded = [BotAccount(), UserAccount(conversation, null)],
            Locale = conversation.Locale,
        };

        var outcome = await RunTurnWithTimeoutAsync(conversation, update, CancellationToken.None).ConfigureAwait(false);
        if (outcome != TurnOutcome.Completed)
        {
            LogWelcomeFailed(outcome);
        }

        return true;
    }

    /// <summary>
    /// Handles one activity from the client. Stored kinds are appended to the history (which echoes them to the
    /// stream with their channelData, as Web Chat expects) before the bot runs; typing is only forwarded.
    /// </summary>
    public async Task<PostOutcome> PostActivityAsync(DirectLineConversation conversation, Activity incoming, string serviceUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var echo = incoming.Clone();
        echo.Timestamp = now;
        echo.ChannelId = _options.ChannelId;
        echo.Conversation = new ConversationAccount(conversation.Id);
        echo.From = UserAccount(conversation, incoming.From?.Name);
        echo.Recipient = BotAccount();
        echo.ServiceUrl = null;
        echo.CallerId = null;
        echo.DeliveryMode = null;

        string id;
        if (echo.IsType(ActivityTypes.Typing))
        {
            // Typing is live-only on Direct Line: not kept in the history, not echoed.
            id = string.Concat(conversation.Id, "|typing-", now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            echo.Id = id;
        }
        else
        {
            var stored = await store.AppendAsync(conversation.Id, [echo], cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new PostOutcome(TurnOutcome.ConversationGone, null);
            }

            id = stored[0].Id;
            hub.NotifyAppended(conversation.Id);
        }

        var toBot = echo.Clone();
        toBot.From = UserAccount(conversation, incoming.From?.Name);
        toBot.Recipient = BotAccount();
        toBot.Conversation = new ConversationAccount(conversation.Id);
        toBot.ServiceUrl = serviceUrl;
        var outcome = await RunTurnWithTimeoutAsync(conversation, toBot, cancellationToken).ConfigureAwait(false);
        return new PostOutcome(outcome, id);
    }

    /// <summary>
    /// Runs the turn detached from the caller (a closed page must not cut a turn in half) and waits for it up to the
    /// configured timeout; replies that come later are still stored and streamed.
    /// </summary>
    private async Task<TurnOutcome> RunTurnWithTimeoutAsync(DirectLineConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        var turn = RunTurnAndStoreRepliesAsync(conversation, activity);
        try
        {
            return await turn.WaitAsync(_options.BotTurnTimeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogTurnSlow(_options.BotTurnTimeout.TotalSeconds);
            return TurnOutcome.TimedOut;
        }
    }

    private async Task<TurnOutcome> RunTurnAndStoreRepliesAsync(DirectLineConversation conversation, Activity activity)
    {
        IReadOnlyList<Activity> replies;
        try
        {
            replies = await bot.RunTurnAsync(activity, lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return TurnOutcome.Failed;
        }
        catch (Exception ex)
        {
            // The exception message may quote the user's text: log the type only.
            LogTurnFailed(ex.GetType().Name, activity.Type);
            return TurnOutcome.Failed;
        }

        var toStore = new List<Activity>(replies.Count);
        foreach (var reply in replies)
        {
            if (reply.IsType(ActivityTypes.Trace) || reply.IsType(ActivityTypes.Delay) || reply.IsType(ActivityTypes.InvokeResponse))
            {
                continue;
            }

            StampReply(reply, conversation);
            if (reply.IsType(ActivityTypes.Typing))
            {
                hub.PublishTransient(conversation.Id, JsonSerializer.SerializeToUtf8Bytes(reply, BotJsonContext.Default.Activity));
            }
            else
            {
                toStore.Add(reply);
            }
        }

        if (toStore.Count > 0)
        {
            if (await store.AppendAsync(conversation.Id, toStore, CancellationToken.None).ConfigureAwait(false) is null)
            {
                return TurnOutcome.ConversationGone;
            }

            hub.NotifyAppended(conversation.Id);
        }

        return TurnOutcome.Completed;
    }

    /// <summary>
    /// Channel-side fields of a reply. replyToId stays as the turn set it (the SDK leaves it out for replies to a
    /// conversationUpdate on this channel, and Web Chat would otherwise wait for an activity it never receives).
    /// </summary>
    private void StampReply(Activity reply, DirectLineConversation conversation)
    {
        reply.Id = null;
        reply.Timestamp = time.GetUtcNow();
        reply.ChannelId = _options.ChannelId;
        reply.Conversation = new ConversationAccount(conversation.Id);
        reply.From = BotAccount();
        reply.Recipient = UserAccount(conversation, null);
        reply.ServiceUrl = null;
        reply.CallerId = null;
        reply.DeliveryMode = null;
    }

    private ChannelAccount BotAccount() => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    private static ChannelAccount UserAccount(DirectLineConversation conversation, string? clientName) =>
        new(conversation.UserId, Truncate(clientName ?? conversation.UserName, 100), RoleTypes.User);

    private static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot's welcome turn did not complete ({Outcome})")]
    private partial void LogWelcomeFailed(TurnOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot did not answer within {Seconds} s; its replies will be streamed when they come")]
    private partial void LogTurnSlow(double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Direct Line turn failed ({ExceptionType}) for a {ActivityType} activity")]
    private partial void LogTurnFailed(string exceptionType, string? activityType);
}
