using System.Text.Json;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.AspNetCore.DirectLine.Streaming;
using BotRuntime.AspNetCore.DirectLine.Wire;
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
    IConversationStreamRelay relay,
    DirectLineBotInvoker bot,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineChannel> logger)
{
    private readonly DirectLineOptions _options = options.Value;
    private readonly ConversationTurnGate _turns = new(maxWaiting: 1);
    private readonly KnownConversations _known = new(options.Value.History.MaxConversations);

    /// <summary>
    /// The conversation <paramref name="incoming"/> is posted to: from what this instance already knows of it, else from
    /// the store (which then also tells whether it is live). Null when the store does not know it. A known conversation
    /// that has gone idle since is refused by the post's append instead; typing, which is not stored, always asks the
    /// store (and so counts as activity, as every other request does).
    /// </summary>
    public async ValueTask<DirectLineConversation?> FindForPostAsync(string conversationId, Activity incoming, CancellationToken cancellationToken)
    {
        if (!incoming.IsType(ActivityTypes.Typing) && _known.TryGet(conversationId, out var known))
        {
            return known;
        }

        var conversation = await store.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is not null)
        {
            _known.Remember(conversation);
        }

        return conversation;
    }

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

        _known.Remember(conversation);

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

        var outcome = await RunTurnWithTimeoutAsync(conversation, update, releaseGate: false, CancellationToken.None).ConfigureAwait(false);
        if (outcome != TurnOutcome.Completed)
        {
            LogWelcomeFailed(outcome);
        }

        return true;
    }

    /// <summary>
    /// Handles one activity from the client. Stored kinds are appended to the history as an echo cut down to what Web
    /// Chat needs (see <see cref="Echo"/>) before the bot runs with the full activity; typing is only forwarded.
    /// One turn runs per conversation and one more may wait (a quick second message); a post beyond that is refused
    /// with <see cref="TurnOutcome.Busy"/>, before anything is stored. The turn is cancelled when the client goes.
    /// </summary>
    public async Task<PostOutcome> PostActivityAsync(DirectLineConversation conversation, Activity incoming, string serviceUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var isTyping = incoming.IsType(ActivityTypes.Typing);
        if (!_turns.TryEnter(conversation.Id))
        {
            // Typing while a turn runs is simply not forwarded; anything else must be sent again later.
            return isTyping ? new PostOutcome(TurnOutcome.Completed, TypingId(conversation, now)) : new PostOutcome(TurnOutcome.Busy, null);
        }

        var released = false;
        try
        {
            string id;
            if (isTyping)
            {
                // Typing is live-only on Direct Line: not kept in the history, not echoed.
                id = TypingId(conversation, now);
            }
            else
            {
                var stored = await store.AppendAsync(conversation.Id, [Echo(conversation, incoming, now)], cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    _known.Forget(conversation.Id);
                    return new PostOutcome(TurnOutcome.ConversationGone, null);
                }

                id = stored[0].Id;
                hub.NotifyAppended(conversation.Id, stored[0].Sequence);
            }

            var toBot = incoming.Clone();
            toBot.Id = id;
            toBot.Timestamp = now;
            toBot.ChannelId = _options.ChannelId;
            toBot.From = UserAccount(conversation, incoming.From?.Name);
            toBot.Recipient = BotAccount();
            toBot.Conversation = new ConversationAccount(conversation.Id);
            toBot.ServiceUrl = serviceUrl;
            toBot.CallerId = null;
            released = true;
            var outcome = await RunTurnWithTimeoutAsync(conversation, toBot, releaseGate: true, cancellationToken).ConfigureAwait(false);
            return new PostOutcome(outcome, id);
        }
        finally
        {
            if (!released)
            {
                _turns.Exit(conversation.Id);
            }
        }
    }

    /// <summary>
    /// What is stored and replayed of a visitor's activity: type, text, locale, an event's name and, from channelData,
    /// only Web Chat's clientActivityID and clientTimestamp (Web Chat matches its pending message to the echo by the id).
    /// A card submit's value, attachments, entities and any other channelData go to the bot but are never stored, so a
    /// client cannot park a large pad in the history to be replayed to every reload.
    /// </summary>
    private Activity Echo(DirectLineConversation conversation, Activity incoming, DateTimeOffset now) => new()
    {
        Type = incoming.Type,
        Timestamp = now,
        ChannelId = _options.ChannelId,
        Conversation = new ConversationAccount(conversation.Id),
        From = UserAccount(conversation, incoming.From?.Name),
        Recipient = BotAccount(),
        Text = incoming.Text,
        TextFormat = incoming.TextFormat is TextFormatTypes.Plain or TextFormatTypes.Markdown ? incoming.TextFormat : null,
        Locale = DirectLineIds.IsPlausibleLocale(incoming.Locale) ? incoming.Locale : null,
        Name = incoming.IsType(ActivityTypes.Event) ? DirectLineIds.Truncate(incoming.Name, 100) : null,
        ChannelData = WebChatChannelData(incoming.ChannelData),
    };

    private static JsonElement? WebChatChannelData(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        var kept = new Dictionary<string, string>(2, StringComparer.Ordinal);
        foreach (var name in (ReadOnlySpan<string>)["clientActivityID", "clientTimestamp"])
        {
            if (data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 100 } text)
            {
                kept[name] = text;
            }
        }

        return kept.Count == 0 ? null : JsonSerializer.SerializeToElement(kept, DirectLineJsonContext.Default.DictionaryStringString);
    }

    private static string TypingId(DirectLineConversation conversation, DateTimeOffset now) =>
        string.Concat(conversation.Id, "|typing-", now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Runs the turn and waits for it up to the configured timeout; replies that come later are still stored and
    /// streamed. While the client waits, its leaving (<paramref name="requestAborted"/>) cancels the turn: nobody would
    /// read the answer, and a costly turn must not keep a core busy for a caller that hung up. Once the channel has
    /// answered (the timeout), the turn runs on alone until it finishes or the host stops.
    /// </summary>
    private async Task<TurnOutcome> RunTurnWithTimeoutAsync(DirectLineConversation conversation, Activity activity, bool releaseGate, CancellationToken requestAborted)
    {
        var cancellation = new CancellationTokenSource();
        var turn = RunTurnAndStoreRepliesAsync(conversation, activity, releaseGate, cancellation);
        var whenClientLeaves = requestAborted.Register(static state => ((CancellationTokenSource)state!).Cancel(), cancellation);
        try
        {
            return await turn.WaitAsync(_options.BotTurnTimeout, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogTurnSlow(_options.BotTurnTimeout.TotalSeconds);
            return TurnOutcome.TimedOut;
        }
        finally
        {
            await whenClientLeaves.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<TurnOutcome> RunTurnAndStoreRepliesAsync(DirectLineConversation conversation, Activity activity, bool releaseGate, CancellationTokenSource cancellation)
    {
        await Task.Yield();
        var whenStopping = lifetime.ApplicationStopping.Register(static state => ((CancellationTokenSource)state!).Cancel(), cancellation);
        try
        {
            return await RunTurnAndStoreRepliesAsync(conversation, activity, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            await whenStopping.DisposeAsync().ConfigureAwait(false);
            if (releaseGate)
            {
                _turns.Exit(conversation.Id);
            }
        }
    }

    private async Task<TurnOutcome> RunTurnAndStoreRepliesAsync(DirectLineConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        IReadOnlyList<Activity> replies;
        try
        {
            replies = await bot.RunTurnAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogTurnCancelled(activity.Type);
            return TurnOutcome.Cancelled;
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
                await PublishTypingAsync(conversation.Id, JsonSerializer.SerializeToUtf8Bytes(reply, BotJsonContext.Default.Activity)).ConfigureAwait(false);
            }
            else
            {
                toStore.Add(reply);
            }
        }

        if (toStore.Count > 0)
        {
            var stored = await store.AppendAsync(conversation.Id, toStore, CancellationToken.None).ConfigureAwait(false);
            if (stored is null)
            {
                _known.Forget(conversation.Id);
                return TurnOutcome.ConversationGone;
            }

            hub.NotifyAppended(conversation.Id, stored[^1].Sequence);
        }

        return TurnOutcome.Completed;
    }

    /// <summary>Typing is best effort: a relay that cannot reach another instance costs the visitor a dot animation, not the turn.</summary>
    private async Task PublishTypingAsync(string conversationId, ReadOnlyMemory<byte> activityJson)
    {
        try
        {
            await relay.PublishTransientAsync(conversationId, activityJson, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTypingNotRelayed(ex.GetType().Name);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A typing activity could not be relayed to the conversation's stream ({ExceptionType})")]
    private partial void LogTypingNotRelayed(string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot's welcome turn did not complete ({Outcome})")]
    private partial void LogWelcomeFailed(TurnOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot did not answer within {Seconds} s; its replies will be streamed when they come")]
    private partial void LogTurnSlow(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Direct Line turn for a {ActivityType} activity was cancelled: the client left or the host is stopping")]
    private partial void LogTurnCancelled(string? activityType);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Direct Line turn failed ({ExceptionType}) for a {ActivityType} activity")]
    private partial void LogTurnFailed(string exceptionType, string? activityType);
}
