using System.Text.Json;
using B12Bot.Conversation.Privacy;
using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>Transcripts of the privacy behaviour: the notice in the welcome, consent before the walkthrough, "delete my data".</summary>
public sealed class PrivacyTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private static readonly PrivacySettings EuClinic = new(new Uri("https://clinic.example/privacy"), RequireConsentBeforeWalkthrough: true);

    private string FirstQuestion => fixture.Content.Walkthrough.Questions[0].Prompt;

    [Fact]
    public async Task The_welcome_says_automated_not_a_clinician_not_advice_and_links_the_clinics_privacy_notice()
    {
        var chat = new BotConversation(fixture, privacy: EuClinic);

        var welcome = Assert.Single(await chat.MembersAddedAsync("user1"));

        Assert.StartsWith(fixture.Content.Messages.Welcome, welcome.Text, StringComparison.Ordinal);
        Assert.Contains("automated", welcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a clinician", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("not medical advice", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("[privacy notice](https://clinic.example/privacy)", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("delete my data", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_notice_the_welcome_links_nothing()
    {
        var welcome = Assert.Single(await new BotConversation(fixture).MembersAddedAsync("user1"));

        Assert.Equal(fixture.Content.Messages.Welcome, welcome.Text);
        Assert.DoesNotContain("{privacyNoticeUrl}", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_consent_required_the_walkthrough_asks_first_and_no_means_no_health_questions()
    {
        var chat = new BotConversation(fixture, privacy: EuClinic);

        var asked = Assert.Single(await chat.SayAsync("check my symptoms"));
        Assert.Equal(fixture.Content.Messages.ConsentQuestion, asked.Text);
        Assert.Equal(["Yes", "No"], BotConversation.QuickReplies(asked));

        var declined = Assert.Single(await chat.SayAsync("no"));
        Assert.Equal(fixture.Content.Messages.ConsentDeclined, declined.Text);

        // The next "no" is not a walkthrough answer: nothing is running.
        var after = await chat.SayAsync("no");
        Assert.DoesNotContain(after, r => r.Text == FirstQuestion || r.Text == fixture.Content.Walkthrough.Questions[1].Prompt);

        var askedAgain = Assert.Single(await chat.SayAsync("check my symptoms"));
        Assert.Equal(fixture.Content.Messages.ConsentQuestion, askedAgain.Text);
        var agreed = await chat.SayAsync("Yes");
        Assert.Equal([fixture.Content.Messages.ConsentGiven, fixture.Content.Walkthrough.Intro, FirstQuestion], agreed.Select(r => r.Text));

        // Asked once per conversation.
        await chat.SayAsync("cancel");
        var again = await chat.SayAsync("check my symptoms");
        Assert.Equal([fixture.Content.Walkthrough.Intro, FirstQuestion], again.Select(r => r.Text));
    }

    [Fact]
    public async Task Without_consent_required_the_walkthrough_starts_at_once()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("check my symptoms");

        Assert.Equal([fixture.Content.Walkthrough.Intro, FirstQuestion], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task An_emergency_while_consent_is_asked_gets_the_urgent_message()
    {
        var chat = new BotConversation(fixture, privacy: EuClinic);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync("my throat is closing and I can't breathe");

        Assert.Contains(replies, BotConversation.IsUrgent);
    }

    [Fact]
    public async Task Delete_my_data_mid_walkthrough_asks_then_yes_erases_the_state_and_the_walkthrough_is_gone()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("no");
        Assert.NotEmpty(await StoredAsync(chat));

        var question = Assert.Single(await chat.SayAsync("delete my data"));
        Assert.Equal(fixture.Content.Messages.ForgetMeQuestion, question.Text);
        Assert.Equal(["Yes", "No"], BotConversation.QuickReplies(question));

        var done = Assert.Single(await chat.SayAsync("yes"));
        Assert.Equal(fixture.Content.Messages.ForgetMeDone, done.Text);
        Assert.Empty(await StoredAsync(chat));

        // The walkthrough is gone: "no" is not its next answer.
        var after = await chat.SayAsync("no");
        Assert.DoesNotContain(after, r => r.Text == fixture.Content.Walkthrough.Questions[2].Prompt);
    }

    [Fact]
    public async Task Delete_my_data_then_no_keeps_everything_and_the_walkthrough_asks_its_question_again()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("no");
        var second = fixture.Content.Walkthrough.Questions[1].Prompt;

        await chat.SayAsync("forget me");
        var kept = await chat.SayAsync("no");

        Assert.Equal(fixture.Content.Messages.ForgetMeKept, kept[0].Text);
        Assert.Contains(kept, r => r.Text == second);
        Assert.NotEmpty(await StoredAsync(chat));
    }

    [Fact]
    public async Task Safety_triage_wins_over_the_delete_confirmation()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("delete my data");

        var replies = await chat.SayAsync("yes my lips are swelling and I can't breathe");

        Assert.Contains(replies, BotConversation.IsUrgent);
        Assert.DoesNotContain(replies, r => r.Text == fixture.Content.Messages.ForgetMeDone);
    }

    [Fact]
    public async Task The_delete_user_data_activity_erases_and_confirms()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        Assert.NotEmpty(await StoredAsync(chat));

        var delete = chat.Adapter.MakeActivity();
        delete.Type = ActivityTypes.DeleteUserData;
        delete.Text = null;
        var replies = await chat.SendAsync(delete);

        Assert.Equal(fixture.Content.Messages.ForgetMeDone, Assert.Single(replies).Text);
        Assert.Empty(await StoredAsync(chat));
    }

    private static async Task<IDictionary<string, object>> StoredAsync(BotConversation chat)
    {
        var activity = chat.Adapter.MakeActivity();
        var channel = activity.ChannelId;
        return await chat.Storage.ReadAsync([
            $"{channel}/conversations/{activity.Conversation!.Id}",
            $"{channel}/users/{activity.From!.Id}",
        ]);
    }
}
