using System.Text.Json;
using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>
/// Crisis, poisoning and the possible-reaction check as a visitor meets them: first message, inside the walkthrough,
/// on Teams, and through card submits. Only the urgent, crisis and poisoning messages are high importance (checked on
/// every reply by <see cref="BotConversation"/>).
/// </summary>
public sealed class SafetyTriageTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private static readonly string[] SafeAnswers = ["No", "No", "No", "No", "Vegan or vegetarian", "Yes, confirmed low", "No"];

    [Fact]
    public async Task I_want_to_kill_myself_gets_the_crisis_line_never_an_faq_answer()
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync("i want to kill myself"));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, reply.Text);
        Assert.Equal(ActivityImportance.High, reply.Importance);
        Assert.Contains("Call or text [988](tel:988)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[911](tel:911)", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Content.Faq, entry => reply.Text!.Contains(entry.Answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_child_who_swallowed_pills_gets_poison_control_and_when_to_call_911()
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync("my toddler swallowed some of my b12 tablets"));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, reply.Text);
        Assert.Equal(ActivityImportance.High, reply.Importance);
        Assert.Contains("[1-800-222-1222](tel:+18002221222)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[911](tel:911)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("veterinarian", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crisis_inside_the_walkthrough_stops_it()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("No");

        var crisis = Assert.Single(await chat.SayAsync("honestly I don't want to live anymore"));
        var after = await chat.SayAsync("no");

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
        var prompts = fixture.Content.Walkthrough.Questions.Select(q => q.Prompt).ToHashSet();
        Assert.All(after, reply => Assert.DoesNotContain(reply.Text ?? "", prompts));
    }

    [Fact]
    public async Task A_possible_reaction_gets_one_question_with_yes_and_no_and_yes_gives_the_urgent_message()
    {
        var chat = new BotConversation(fixture);
        var check = fixture.Content.Safety.ReactionCheck;

        await chat.Flow()
            .Send("itchy all over since the shot")
            .AssertReply(reply =>
            {
                Assert.Equal(check.Question, reply.Text);
                Assert.NotEqual(ActivityImportance.High, reply.Importance);
                Assert.Equal([check.Yes, check.No], BotConversation.QuickReplies(reply));
            })
            .AssertNoReply()
            .Send(check.Yes)
            .AssertReply(reply =>
            {
                Assert.Equal(fixture.Content.Safety.UrgentMessage, reply.Text);
                Assert.Equal(ActivityImportance.High, reply.Importance);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task No_gives_what_to_watch_for_and_when_to_call_and_the_bot_answers_normally_afterwards()
    {
        var chat = new BotConversation(fixture);

        await chat.SayAsync("feel weird after my jab");
        var no = Assert.Single(await chat.SayAsync("nope"));
        var next = await chat.SayAsync("what are the side effects of b12 shots");

        Assert.Equal(fixture.Content.Safety.ReactionCheck.WatchFor, no.Text);
        Assert.Contains("[911](tel:911)", no.Text, StringComparison.Ordinal);
        Assert.Equal(fixture.Content.GetEntry("side_effects").Answer, next[0].Text);
    }

    [Fact]
    public async Task An_unclear_answer_asks_again_and_not_sure_counts_as_yes()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("got a rash after my b12 injection");

        var retry = Assert.Single(await chat.SayAsync("what do you mean"));
        var unsure = Assert.Single(await chat.SayAsync("not sure"));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Retry, retry.Text);
        Assert.Equal(fixture.Content.Safety.UrgentMessage, unsure.Text);
    }

    [Fact]
    public async Task A_second_unclear_answer_ends_the_check_with_what_to_watch_for_so_nobody_is_stuck()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("got a rash after my b12 injection");

        await chat.SayAsync("hmm");
        var released = Assert.Single(await chat.SayAsync("cancel"));
        var next = await chat.SayAsync("what are the side effects of b12 shots");

        Assert.Equal(fixture.Content.Safety.ReactionCheck.WatchFor, released.Text);
        Assert.Equal(fixture.Content.GetEntry("side_effects").Answer, next[0].Text);
    }

    [Fact]
    public async Task The_check_interrupts_the_walkthrough_and_after_no_the_walkthrough_asks_its_question_again()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("No");
        await chat.SayAsync("No");

        var check = Assert.Single(await chat.SayAsync("since the injection i'm itching everywhere"));
        var afterNo = await chat.SayAsync("No");
        var answered = await chat.SayAsync("No");

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
        Assert.Equal(fixture.Content.Safety.ReactionCheck.WatchFor, afterNo[0].Text);
        Assert.Equal(fixture.Content.Walkthrough.Questions[2].Prompt, afterNo[^1].Text);
        Assert.Equal(fixture.Content.Walkthrough.Questions[3].Prompt, answered[^1].Text);
    }

    [Fact]
    public async Task Yes_inside_the_walkthrough_gives_the_urgent_message_and_stops_the_walkthrough()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        foreach (var answer in SafeAnswers.Take(4))
        {
            await chat.SayAsync(answer);
        }

        await chat.SayAsync("feeling shaky and weird after the jab");
        var urgent = Assert.Single(await chat.SayAsync("yes"));
        var after = await chat.SayAsync("Vegan or vegetarian");

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
        var prompts = fixture.Content.Walkthrough.Questions.Select(q => q.Prompt).ToHashSet();
        Assert.All(after, reply => Assert.DoesNotContain(reply.Text ?? "", prompts));
    }

    [Fact]
    public async Task An_emergency_while_the_check_question_is_open_gets_the_urgent_message_at_once()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("i have hives after my shot");

        var urgent = Assert.Single(await chat.SayAsync("my lips are swelling now"));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
    }

    [Fact]
    public async Task Allergy_history_and_worries_in_the_walkthrough_are_answers_not_alarms()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync("yes, anaphylaxis to bee stings");

        Assert.All(replies, r => Assert.NotEqual(ActivityImportance.High, r.Importance));
        Assert.DoesNotContain(replies, r => r.Text == fixture.Content.Safety.ReactionCheck.Question);
        Assert.Equal(fixture.Content.Walkthrough.Questions[1].Prompt, replies[^1].Text);
    }

    [Fact]
    public async Task On_teams_crisis_and_poisoning_also_raise_the_notification_alert()
    {
        var chat = new BotConversation(fixture, Channels.Msteams);

        var crisis = Assert.Single(await chat.SayAsync("I feel suicidal"));
        var poisoning = Assert.Single(await chat.SayAsync("I took too many pills"));

        Assert.True(crisis.ChannelData!.Value.GetProperty("notification").GetProperty("alert").GetBoolean());
        Assert.True(poisoning.ChannelData!.Value.GetProperty("notification").GetProperty("alert").GetBoolean());
    }

    [Fact]
    public async Task The_check_question_is_never_high_importance_on_teams_and_a_button_submit_answers_it()
    {
        var chat = new BotConversation(fixture, Channels.Msteams);
        var question = Assert.Single(await chat.SayAsync("my skin is all red and blotchy after the shot"));

        var submit = chat.Adapter.MakeActivity();
        submit.Value = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["msteams"] = new Dictionary<string, string> { ["type"] = "imBack", ["value"] = "Yes" } });
        submit.Text = "Yes";
        var replies = await chat.SendAsync(submit);

        // On Teams the urgent text comes first, then the card with the call button.
        Assert.Equal(2, replies.Count);
        var urgent = replies[0];
        Assert.Null(question.ChannelData);
        Assert.NotEqual(ActivityImportance.High, question.Importance);
        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
    }

    [Fact]
    public async Task A_crisis_in_a_card_submit_value_is_answered()
    {
        var chat = new BotConversation(fixture);
        var submit = chat.Adapter.MakeActivity();
        submit.Value = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["answer"] = "No", ["comment"] = "i just want to end my life" });

        var reply = Assert.Single(await chat.SendAsync(submit));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, reply.Text);
    }

    [Fact]
    public async Task Questions_about_overdose_and_signs_get_their_faq_answer()
    {
        var chat = new BotConversation(fixture);

        var overdose = await chat.SayAsync("can you overdose on b12?");
        var signs = await chat.SayAsync("what does anaphylaxis look like");

        Assert.All(overdose.Concat(signs), r => Assert.NotEqual(ActivityImportance.High, r.Importance));
        Assert.Equal(fixture.Content.GetEntry("allergic_reaction").Answer, signs[0].Text);
        Assert.DoesNotContain(overdose, r => r.Text == fixture.Content.Safety.PoisoningMessage || r.Text == fixture.Content.Safety.ReactionCheck.Question);
    }
}
