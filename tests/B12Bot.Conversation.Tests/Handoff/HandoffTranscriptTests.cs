using System.Text.Json;
using B12Bot.Conversation.Handoff;
using B12Bot.Conversation.Tests.Support;
using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.Conversation.Tests.Handoff;

/// <summary>
/// The visitor's side of "talk to a person" as transcripts, wired as the host wires it (safety triage, then the
/// handoff's visitor middleware, then the bot), with the clinic channel recorded instead of called.
/// </summary>
public sealed class HandoffTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private readonly RecordingClinic _clinic = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)); // Tuesday 10:00 New York
    // The state JSON as the host builds it: the handoff's own types (enums as names) beside the dialogs'.
    private static readonly StateJson Json = new([HandoffJsonContext.Default, B12Bot.Conversation.Dialogs.ConversationJsonContext.Default, BotRuntime.Dialogs.DialogJsonContext.Default]);

    private readonly HandoffStore _store = new(new MemoryStorage(Json.Options), json: Json);

    private HandoffContent HandoffContent { get; } = HandoffContentLoader.Load(RepositoryPaths.Dialogs, "911");

    [Fact]
    public async Task After_a_walkthrough_outcome_the_visitor_can_ask_for_a_person_and_the_card_carries_the_summary()
    {
        var chat = await ChatAsync();
        await chat.SayAsync("check my symptoms");
        List<Activity> outcome = [];
        foreach (var answer in new[] { "No", "No", "No", "No", "Vegan or vegetarian", "No", "No", "Yes, it was low", "No" })
        {
            outcome = await chat.SayAsync(answer);
        }

        var report = Assert.Single(outcome);
        Assert.Contains(fixture.Content.Walkthrough.SummaryHeading, report.Text, StringComparison.Ordinal);
        Assert.Contains("Talk to a person", BotConversation.QuickReplies(report));

        var consent = Assert.Single(await chat.SayAsync("Talk to a person"));
        Assert.Contains("symptom check summary", consent.Text, StringComparison.Ordinal);
        Assert.Equal(["Yes", "No"], BotConversation.QuickReplies(consent));
        Assert.Empty(_clinic.Threads);

        var requested = Assert.Single(await chat.SayAsync("Yes"));
        Assert.Contains("within about 5 minutes", requested.Text, StringComparison.Ordinal);
        var card = Assert.Single(_clinic.Threads).Message.Attachments![0].Content!.Value.GetRawText();
        Assert.Contains(JsonEncodedText.Encode(report.Text!.Split('\n')[0]).ToString(), card, StringComparison.Ordinal);
        Assert.Contains("Take this conversation", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_office_hours_the_visitor_is_offered_a_callback_and_nothing_is_posted_until_they_agree()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 5, 15, 0, 0, TimeSpan.Zero)); // Saturday
        var chat = await ChatAsync();

        var closed = Assert.Single(await chat.SayAsync("can I speak to a nurse please"));
        Assert.Contains("outside office hours", closed.Text, StringComparison.Ordinal);
        Assert.Equal(["Leave my number or email", "No thanks"], BotConversation.QuickReplies(closed));
        await chat.SayAsync("Leave my number or email");
        await chat.SayAsync("+1 (555) 010-2233");
        Assert.Contains("I haven't shared it", Assert.Single(await chat.SayAsync("no")).Text, StringComparison.Ordinal);
        Assert.Empty(_clinic.Threads);
    }

    [Fact]
    public async Task Before_the_bot_is_installed_in_the_clinic_team_the_visitor_gets_the_clinic_number()
    {
        var chat = await ChatAsync(installed: false);

        var reply = Assert.Single(await chat.SayAsync("talk to a person"));

        Assert.Contains("(555) 010-0199", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_clinic.Threads);
    }

    [Fact]
    public async Task The_visitor_s_last_question_goes_on_the_card_they_agreed_to_share()
    {
        var chat = await ChatAsync();
        await chat.SayAsync("does the injection hurt");

        Assert.Equal(["Yes", "No"], BotConversation.QuickReplies(Assert.Single(await chat.SayAsync("talk to a person"))));
        await chat.SayAsync("Yes");

        var card = Assert.Single(_clinic.Threads).Message.Attachments![0].Content!.Value.GetRawText();
        Assert.Contains("does the injection hurt", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_bot_is_installed_in_the_clinic_team_the_visitor_s_questions_are_not_kept()
    {
        var chat = await ChatAsync(installed: false);

        await chat.SayAsync("does the injection hurt");

        // Nothing could share them, so the conversation state holds no copy of what the visitor wrote.
        var probe = chat.Adapter.MakeActivity("probe");
        var key = $"{probe.ChannelId}/conversations/{probe.Conversation!.Id}";
        var stored = await chat.Storage.ReadAsync([key]);
        var state = stored.TryGetValue(key, out var document) ? JsonSerializer.Serialize(document) : string.Empty;
        Assert.DoesNotContain("does the injection hurt", state, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is this chat automated or is someone typing")]
    [InlineData("is this chat a real person or a bot?")]
    [InlineData("does someone read this chat")]
    public async Task A_question_about_who_is_in_the_chat_gets_an_answer_not_the_offer_to_share_it_with_the_team(string question)
    {
        var chat = await ChatAsync();

        var replies = await chat.SayAsync(question);

        Assert.NotEmpty(replies);
        Assert.All(replies, reply => Assert.DoesNotContain("Do you want me to share this with the clinic team?", reply.Text ?? "", StringComparison.Ordinal));
        Assert.All(replies, reply => Assert.NotEqual(["Yes", "No"], BotConversation.QuickReplies(reply)));
        Assert.Empty(_clinic.Threads);
    }

    [Theory]
    [InlineData("can i chat with a nurse")]
    [InlineData("can someone talk to me")]
    [InlineData("I'd like to speak with one of the nurses")]
    public async Task Asking_to_chat_or_speak_with_a_person_gets_the_offer_to_share_the_chat_with_the_team(string request)
    {
        var chat = await ChatAsync();

        var consent = Assert.Single(await chat.SayAsync(request));

        Assert.Contains("Do you want me to share this with the clinic team?", consent.Text, StringComparison.Ordinal);
        Assert.Equal(["Yes", "No"], BotConversation.QuickReplies(consent));
        Assert.Contains("within about 5 minutes", Assert.Single(await chat.SayAsync("Yes")).Text, StringComparison.Ordinal);
        Assert.Single(_clinic.Threads);
    }

    [Fact]
    public async Task A_not_sure_answer_gets_the_talk_to_a_person_button()
    {
        var offer = new HandoffOffer(fixture.Content, HandoffContent);
        var adapter = new BotRuntime.Testing.TestAdapter(Channels.Webchat);
        await adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), async (turn, ct) =>
        {
            offer.Watch(turn, new VisitorHandoffState());
            await turn.SendActivityAsync(B12Bot.Conversation.Dialogs.Replies.Message(fixture.Content.Messages.NotSure + "\n- Something", ["Something"]), ct);
            await turn.SendActivityAsync(B12Bot.Conversation.Dialogs.Replies.Message(fixture.Content.Messages.Fallback, ["Something"]), ct);
        });

        Assert.Equal(["Something", "Talk to a person"], BotConversation.QuickReplies(adapter.GetNextReply()!));
        Assert.Equal(["Something"], BotConversation.QuickReplies(adapter.GetNextReply()!));
    }

    private async Task<BotConversation> ChatAsync(bool installed = true)
    {
        if (installed)
        {
            await _store.SaveClinicChannelAsync(new ClinicChannel { ServiceUrl = "https://smba.trafficmanager.net/amer/", TenantId = "t", ChannelId = "19:c@thread.tacv2", BotId = "28:b" }, default);
        }

        var chat = new BotConversation(fixture, Channels.Webchat, json: Json);
        var options = new HandoffOptions { ClinicPhone = "(555) 010-0199" };
        var texts = new HandoffTexts(HandoffContent, options);
        var coordinator = new HandoffCoordinator(_store, _clinic, new RecordingVisitor(), texts, options, _time, NullLogger<HandoffCoordinator>.Instance);
        var accessors = new HandoffStateAccessors(chat.ConversationState);
        var recognizer = new HandoffRequestRecognizer(HandoffContent);
        chat.Adapter.Use(new SavingState(chat, new HandoffVisitorMiddleware(
            accessors, _store, coordinator, recognizer, new HandoffOffer(fixture.Content, HandoffContent),
            new HandoffDialog(coordinator, _store, new OfficeHours(options, _time), options, accessors),
            new CallbackDialog(coordinator, recognizer), options, NullLogger<HandoffVisitorMiddleware>.Instance)));
        return chat;
    }

    /// <summary>The host saves state after every turn (AutoSaveStateMiddleware); the handoff middleware may end a turn before the bot does.</summary>
    private sealed class SavingState(BotConversation chat, IMiddleware inner) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            await inner.OnTurnAsync(turnContext, next, cancellationToken);
            await chat.ConversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        }
    }

    private sealed class RecordingClinic : IClinicChannelClient
    {
        public List<(string ChannelId, Activity Message)> Threads { get; } = [];

        public Task<(string ThreadId, string? ActivityId)> StartThreadAsync(ClinicChannel channel, string channelId, Activity firstMessage, CancellationToken cancellationToken)
        {
            Threads.Add((channelId, firstMessage));
            return Task.FromResult(($"{channelId};messageid={Threads.Count}", (string?)Threads.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        public Task PostAsync(ClinicChannel channel, string threadId, Activity message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UpdateAsync(ClinicChannel channel, string threadId, string activityId, Activity message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class RecordingVisitor : IVisitorMessenger
    {
        public Task SendAsync(HandoffSession session, IReadOnlyList<Activity> messages, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
