using B12Bot.Conversation.Bots;
using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Privacy;
using B12Bot.Conversation.Safety;
using BotRuntime.Schema;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Teams;
using BotRuntime.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>
/// One conversation with the whole bot through the in-memory test adapter, wired as the host wires it: the safety
/// state saved by auto-save alone, the safety triage as middleware, then the bot. <see cref="SayAsync"/> returns everything the bot sent in that turn, and every
/// reply is checked for the one rule that holds everywhere: only the urgent, crisis and poisoning messages have importance high.
/// </summary>
public sealed class BotConversation
{
    private readonly ContentFixture _fixture;
    private readonly B12DialogBot _bot;

    /// <param name="privacy">The clinic's privacy settings (default: no notice link, no consent question).</param>
    /// <param name="json">The state JSON (default: the bot's and the dialogs' types, as the host registers them).</param>
    public BotConversation(ContentFixture fixture, string channelId = Channels.Test, PrivacySettings? privacy = null, StateJson? json = null)
    {
        _fixture = fixture;
        privacy ??= PrivacySettings.Default;
        json ??= new StateJson([ConversationJsonContext.Default, BotRuntime.Dialogs.DialogJsonContext.Default]);
        Storage = new MemoryStorage(json.Options);
        ConversationState = new ConversationState(Storage, json);
        UserState = new UserState(Storage, json);
        var commands = new CommandInterruption(fixture.Matcher);
        var symptomCheck = new SymptomCheckDialog(fixture.Matcher, fixture.Content, commands);
        var replies = new SafetyReplies(fixture.Content);
        var reactionCheck = new PossibleReactionCheckDialog(fixture.Content, replies);
        var mainDialog = new MainDialog(fixture.Matcher, fixture.Content, symptomCheck, reactionCheck, NullLogger<MainDialog>.Instance,
            new ForgetMeDialog(fixture.Content), new ConsentDialog(fixture.Content, ConversationState, privacy), commands);
        _bot = new B12DialogBot(ConversationState, mainDialog, fixture.Content, new UserDataEraser(ConversationState, UserState, []), privacy);
        Screen = new SafetyTriageMiddleware(fixture.Triage, replies, ConversationState, NullLogger<SafetyTriageMiddleware>.Instance, fixture.Backstop);
        // As the host: Teams shaping (the notification alert), then auto-save (the only writer of state, so nothing is
        // written back after a "delete my data" erase), then the safety triage.
        Adapter = new TestAdapter(channelId).Use(new TeamsMessageShaperMiddleware()).Use(new AutoSaveStateMiddleware(ConversationState, UserState)).Use(Screen);
    }

    public TestAdapter Adapter { get; }

    public ConversationState ConversationState { get; }

    public UserState UserState { get; }

    public MemoryStorage Storage { get; }

    public SafetyTriageMiddleware Screen { get; }

    /// <summary>A transcript flow over this same conversation.</summary>
    public TestFlow Flow() => new(Adapter, _bot);

    public Task<List<Activity>> SayAsync(string text) => SendAsync(Adapter.MakeActivity(text));

    public async Task<List<Activity>> SendAsync(Activity activity)
    {
        await Adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync);
        var replies = new List<Activity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        var safety = _fixture.Content.Safety;
        foreach (var reply in replies)
        {
            if (reply.Importance == ActivityImportance.High)
            {
                Assert.Contains(reply.Text, (string[])[safety.UrgentMessage, safety.CrisisMessage, safety.PoisoningMessage]);
            }
        }

        return replies;
    }

    public Task<List<Activity>> MembersAddedAsync(params string[] memberIds)
    {
        var update = Adapter.MakeActivity();
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.MembersAdded = [.. memberIds.Select(id => new ChannelAccount(id, id))];
        return SendAsync(update);
    }

    public static IReadOnlyList<string> QuickReplies(Activity activity) =>
        activity.SuggestedActions?.Actions?.Select(a => a.Title ?? "").ToList() ?? [];

    public static bool IsUrgent(Activity activity) => activity.Importance == ActivityImportance.High;

    /// <summary>
    /// Whether a reply is one of the safety triage's: high importance, or the urgent, crisis or poisoning message or the
    /// reaction check question. A message that must raise no alarm gets none of these.
    /// </summary>
    public bool IsSafetyReply(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var safety = _fixture.Content.Safety;
        return IsUrgent(reply) || reply.Text == safety.UrgentMessage || reply.Text == safety.CrisisMessage
            || reply.Text == safety.PoisoningMessage || reply.Text == safety.ReactionCheck.Question;
    }
}
