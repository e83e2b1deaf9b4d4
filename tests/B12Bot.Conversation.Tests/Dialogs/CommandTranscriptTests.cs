using B12Bot.Conversation.Privacy;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>
/// Transcripts of the commands (help, cancel, start over, back, "delete my data") wherever the visitor may say them:
/// inside the consent question, the "delete my data" confirmation and the reaction check, and with an emergency in the
/// same message. (Outside any dialog and inside the walkthrough: WelcomeAndFaqTranscriptTests, SymptomCheckTranscriptTests.)
/// </summary>
public sealed class CommandTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private static readonly PrivacySettings EuClinic = new(new Uri("https://clinic.example/privacy"), RequireConsentBeforeWalkthrough: true);

    private string Question(int index) => fixture.Content.Walkthrough.Questions[index].Prompt;

    [Theory]
    [InlineData("help")]
    [InlineData("cancel")]
    [InlineData("start over")]
    [InlineData("back")]
    public async Task A_command_at_the_consent_question_is_not_a_yes_so_no_health_question_is_asked(string command)
    {
        var chat = new BotConversation(fixture, privacy: EuClinic);
        await chat.SayAsync("check my symptoms");

        var reply = Assert.Single(await chat.SayAsync(command));
        var after = await chat.SayAsync("no");

        Assert.Equal(fixture.Content.Messages.ConsentDeclined, reply.Text);
        Assert.DoesNotContain(after, r => r.Text == Question(0) || r.Text == Question(1));
    }

    [Fact]
    public async Task Delete_my_data_at_the_consent_question_comes_first_then_the_consent_question_is_asked_again()
    {
        var chat = new BotConversation(fixture, privacy: EuClinic);
        await chat.SayAsync("check my symptoms");

        var confirm = Assert.Single(await chat.SayAsync("delete my data"));
        var kept = await chat.SayAsync("no");
        var agreed = await chat.SayAsync("yes");

        Assert.Equal(fixture.Content.Messages.ForgetMeQuestion, confirm.Text);
        Assert.Equal([fixture.Content.Messages.ForgetMeKept, fixture.Content.Messages.ConsentQuestion], kept.Select(r => r.Text));
        Assert.Equal([fixture.Content.Messages.ConsentGiven, fixture.Content.Walkthrough.Intro, Question(0)], agreed.Select(r => r.Text));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("cancel")]
    [InlineData("start over")]
    [InlineData("back")]
    public async Task A_command_at_the_delete_confirmation_deletes_nothing_and_the_walkthrough_goes_on_where_it_was(string command)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("no");
        await chat.SayAsync("delete my data");

        var kept = await chat.SayAsync(command);
        var next = await chat.SayAsync("no");

        Assert.Equal([fixture.Content.Messages.ForgetMeKept, Question(1)], kept.Select(r => r.Text));
        Assert.Contains(next, r => r.Text == Question(2));
    }

    [Fact]
    public async Task Delete_my_data_during_the_reaction_check_does_not_interrupt_it_because_safety_comes_first()
    {
        var chat = new BotConversation(fixture);
        var check = fixture.Content.Safety.ReactionCheck;
        await chat.SayAsync("got a rash after my b12 injection");

        var retry = Assert.Single(await chat.SayAsync("delete my data"));
        var watchFor = Assert.Single(await chat.SayAsync("no"));
        var confirm = Assert.Single(await chat.SayAsync("delete my data"));

        Assert.Equal(check.Retry, retry.Text);
        Assert.Equal(check.WatchFor, watchFor.Text);
        Assert.Equal(fixture.Content.Messages.ForgetMeQuestion, confirm.Text);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("cancel")]
    public async Task A_command_during_the_reaction_check_is_an_unclear_answer_and_the_check_is_asked_again(string command)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("got a rash after my b12 injection");

        var retry = Assert.Single(await chat.SayAsync(command));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Retry, retry.Text);
    }

    [Theory]
    [InlineData("cancel, my throat is closing and I can't breathe")]
    [InlineData("help my lips are swelling and I can't breathe")]
    public async Task An_emergency_in_a_command_gets_the_urgent_message_and_the_walkthrough_is_not_cancelled(string message)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync(message);

        Assert.Contains(replies, BotConversation.IsUrgent);
        Assert.DoesNotContain(replies, r => r.Text == fixture.Content.Walkthrough.Cancelled || r.Text == fixture.Content.Walkthrough.Help);
    }

    [Theory]
    [InlineData("I don't want to do this quiz anymore, end it")]
    [InlineData("no more questions")]
    [InlineData("nope, forget it")]
    public async Task A_cancel_that_holds_an_answer_word_cancels_the_walkthrough(string message)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync(message);

        Assert.Contains(replies, r => r.Text == fixture.Content.Walkthrough.Cancelled);
        Assert.DoesNotContain(replies, r => r.Text == Question(1));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("no i dont")]
    public async Task A_whole_message_answer_is_still_the_answer(string message)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync(message);

        Assert.Contains(replies, r => r.Text == Question(1));
        Assert.DoesNotContain(replies, r => r.Text == fixture.Content.Walkthrough.Cancelled);
    }
}
