using System.Globalization;
using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.Testing;

/// <summary>
/// An in-memory adapter for transcript-style tests: the test plays the user, the bot's replies land in
/// <see cref="ActiveQueue"/>. Turns run through <see cref="BotAdapter.RunPipelineAsync"/>, so middleware and
/// <see cref="BotAdapter.OnTurnError"/> behave exactly as they do behind a real channel.
/// </summary>
public class TestAdapter : BotAdapter
{
    private readonly TimeProvider _time;
    private int _nextId;

    public TestAdapter(string channelId = Channels.Test, bool sendTraceActivity = false, TimeProvider? timeProvider = null)
        : this(CreateConversation(channelId), sendTraceActivity, timeProvider)
    {
    }

    public TestAdapter(ConversationReference conversation, bool sendTraceActivity = false, TimeProvider? timeProvider = null)
    {
        Conversation = conversation ?? throw new ArgumentNullException(nameof(conversation));
        EnableTrace = sendTraceActivity;
        _time = timeProvider ?? TimeProvider.System;
        Locale = conversation.Locale ?? "en-us";
    }

    /// <summary>The conversation every activity made by this adapter belongs to.</summary>
    public ConversationReference Conversation { get; set; }

    /// <summary>The locale put on incoming activities that carry none (null: leave them without one).</summary>
    public string? Locale { get; set; }

    /// <summary>When false (the default) trace activities the bot sends are dropped, as every channel but the Emulator does.</summary>
    public bool EnableTrace { get; set; }

    /// <summary>Replies the bot has sent and the test has not read yet, oldest first.</summary>
    public Queue<Activity> ActiveQueue { get; } = new();

    /// <summary>A conversation reference with the SDK test defaults: user1/User1 talking to bot/Bot in convo1.</summary>
    public static ConversationReference CreateConversation(string channelId = Channels.Test, string userId = "user1", string userName = "User1",
        string botId = "bot", string botName = "Bot", string conversationId = "convo1") => new()
    {
        ChannelId = channelId,
        ServiceUrl = "https://test.com",
        User = new ChannelAccount(userId, userName, RoleTypes.User),
        Bot = new ChannelAccount(botId, botName, RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId) { Name = "Convo1" },
        Locale = "en-us",
    };

    /// <summary>Adds middleware and returns this adapter, so set-up reads as one chain.</summary>
    public new TestAdapter Use(IMiddleware middleware)
    {
        base.Use(middleware);
        return this;
    }

    /// <summary>A message from the user, addressed to the bot in this conversation, with the next incoming id.</summary>
    public Activity MakeActivity(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Id = NextIncomingId(),
        ChannelId = Conversation.ChannelId,
        ServiceUrl = Conversation.ServiceUrl,
        From = Conversation.User,
        Recipient = Conversation.Bot,
        Conversation = Conversation.Conversation,
        Locale = Locale,
        Timestamp = _time.GetUtcNow(),
    };

    /// <summary>Runs one turn for an activity from the user. Missing addressing fields are filled in from <see cref="Conversation"/>.</summary>
    public virtual async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= Conversation.ChannelId;
        activity.ServiceUrl ??= Conversation.ServiceUrl;
        activity.From ??= Conversation.User;
        activity.Recipient ??= Conversation.Bot;
        activity.Conversation ??= Conversation.Conversation;
        activity.Locale ??= Locale;
        activity.Id ??= NextIncomingId();
        activity.Timestamp ??= _time.GetUtcNow();

        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends text as the user and runs the turn.</summary>
    public Task SendTextToBotAsync(string text, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(MakeActivity(text), callback, cancellationToken);

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.Id ??= Guid.NewGuid().ToString("n");
            activity.Timestamp ??= _time.GetUtcNow();
            responses[i] = new ResourceResponse(activity.Id);

            if (activity.IsType(ActivityTypes.Delay))
            {
                // The SDK's delay activity: pause the outgoing stream, never shown to the user.
                var milliseconds = activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Number } value ? value.GetInt32() : 0;
                await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (activity.IsType(ActivityTypes.Trace) && !EnableTrace)
            {
                continue;
            }

            lock (ActiveQueue)
            {
                ActiveQueue.Enqueue(activity);
            }
        }

        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (ActiveQueue)
        {
            var replies = ActiveQueue.ToArray();
            ActiveQueue.Clear();
            foreach (var reply in replies)
            {
                ActiveQueue.Enqueue(reply.Id == activity.Id ? activity : reply);
            }
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        lock (ActiveQueue)
        {
            var replies = ActiveQueue.ToArray();
            ActiveQueue.Clear();
            foreach (var reply in replies.Where(r => r.Id != reference.ActivityId))
            {
                ActiveQueue.Enqueue(reply);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The oldest unread reply, or null when the bot has sent nothing more.</summary>
    public Activity? GetNextReply()
    {
        lock (ActiveQueue)
        {
            return ActiveQueue.Count > 0 ? ActiveQueue.Dequeue() : null;
        }
    }

    /// <summary>
    /// The oldest unread reply, waiting up to <paramref name="timeout"/> for one sent from a background task
    /// (a typing loop, a proactive message). Null when none arrives in time.
    /// </summary>
    public async Task<Activity?> GetNextReplyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Wall-clock wait on purpose: a test's fake TimeProvider must not be able to stall the harness.
        var wallClock = TimeProvider.System;
        var started = wallClock.GetTimestamp();
        while (true)
        {
            var reply = GetNextReply();
            if (reply is not null || wallClock.GetElapsedTime(started) >= timeout)
            {
                return reply;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), wallClock, cancellationToken).ConfigureAwait(false);
        }
    }

    private string NextIncomingId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
