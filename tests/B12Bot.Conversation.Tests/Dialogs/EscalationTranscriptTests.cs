using System.Text.Json;
using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>Escalation wins over everything: in every walkthrough step, after every follow-up, in every channel.</summary>
public sealed class EscalationTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    // Answers up to the last question (severity, asked after a low blood test).
    private static readonly string[] SafeAnswers = ["No", "No", "No", "No", "Vegan or vegetarian", "No", "No", "Yes, it was low"];

    public static TheoryData<int> WalkthroughSteps => [0, 1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(WalkthroughSteps))]
    public async Task Emergency_inside_each_walkthrough_step_escalates_and_stops_the_walkthrough(int step)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        foreach (var answer in SafeAnswers.Take(step))
        {
            await chat.SayAsync(answer);
        }

        var escalation = Assert.Single(await chat.SayAsync("I can't breathe and my throat is swelling"));
        var after = await chat.SayAsync("no");

        AssertUrgent(escalation);
        var prompts = fixture.Content.Walkthrough.Questions.Select(q => q.Prompt).ToHashSet();
        Assert.All(after, reply => Assert.False(prompts.Contains(reply.Text ?? ""), "the walkthrough asked another question"));
        Assert.All(after, reply => Assert.NotEqual(fixture.Content.Walkthrough.Retry + "\n\n" + fixture.Content.Walkthrough.Questions[step].Prompt, reply.Text));
    }

    [Fact]
    public async Task Emergency_after_each_faq_follow_up_escalates()
    {
        var chat = new BotConversation(fixture);
        var answer = Assert.Single(await chat.SayAsync("what are the side effects of b12 shots"));

        foreach (var followUp in BotConversation.QuickReplies(answer))
        {
            var followed = await chat.SayAsync(followUp);
            Assert.NotEmpty(followed);
            Assert.All(followed, r => Assert.False(BotConversation.IsUrgent(r)));

            var escalation = Assert.Single(await chat.SayAsync("hives everywhere and trouble breathing"));
            AssertUrgent(escalation);
        }
    }

    [Fact]
    public async Task Emergency_as_the_very_first_message_escalates_before_any_welcome_or_dialog()
    {
        var chat = new BotConversation(fixture);

        await chat.Flow()
            .Send("cant breath after b12")
            .AssertReply(AssertUrgent)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task In_teams_the_urgent_message_also_raises_a_notification_alert()
    {
        var chat = new BotConversation(fixture, Channels.Msteams);

        var replies = await chat.SayAsync("my face and lips are swollen");

        // The urgent text first, as a message of its own with the alert; then the card with the call button.
        Assert.Equal(2, replies.Count);
        var escalation = replies[0];
        AssertUrgent(escalation);
        var channelData = escalation.ChannelData!.Value;
        Assert.True(channelData.GetProperty("notification").GetProperty("alert").GetBoolean());
        Assert.Null(replies[1].Importance);
        var call = Assert.Single(replies[1].Attachments!).Content!.Value.GetProperty("actions")[0];
        Assert.Equal("Action.OpenUrl", call.GetProperty("type").GetString());
        Assert.Equal("Call 911", call.GetProperty("title").GetString());
        Assert.Equal("tel:911", call.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Outside_teams_the_urgent_message_has_no_channel_data()
    {
        var chat = new BotConversation(fixture, Channels.Directline);

        var escalation = Assert.Single(await chat.SayAsync("I think I'm having anaphylaxis"));

        AssertUrgent(escalation);
        Assert.Null(escalation.ChannelData);
    }

    [Fact]
    public async Task Card_submit_values_are_screened_too()
    {
        var chat = new BotConversation(fixture);
        var submit = chat.Adapter.MakeActivity();
        submit.Value = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["answer"] = "fine", ["details"] = new[] { "my tongue is swelling" } });

        var escalation = Assert.Single(await chat.SendAsync(submit));

        AssertUrgent(escalation);
    }

    [Theory]
    [InlineData("what are signs of an allergic reaction?", "allergic_reaction")]
    [InlineData("can b12 cause anaphylaxis?", "allergic_reaction")]
    [InlineData("my arm is sore", "sore_arm_days_later")] // the content's own entry on a sore arm (was side_effects)
    public async Task Questions_about_reactions_and_benign_reports_get_answers_not_escalation(string text, string entryId)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(text));

        Assert.False(BotConversation.IsUrgent(reply));
        Assert.Equal(fixture.Content.GetEntry(entryId).Answer, reply.Text);
    }

    [Fact]
    public async Task Allergy_history_answer_in_the_walkthrough_is_not_an_emergency()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync("yes, I had anaphylaxis years ago");

        Assert.All(replies, r => Assert.False(BotConversation.IsUrgent(r)));
        Assert.Equal(fixture.Content.Walkthrough.Questions[1].Prompt, replies[^1].Text);
    }

    private void AssertUrgent(Activity reply)
    {
        Assert.Equal(ActivityImportance.High, reply.Importance);
        Assert.Equal(fixture.Content.Safety.UrgentMessage, reply.Text);
        Assert.Contains("Call [911](tel:911) now", reply.Text, StringComparison.Ordinal);
    }
}
