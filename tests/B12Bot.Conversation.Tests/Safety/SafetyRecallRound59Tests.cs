using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// Round 59, in other words than eval/fresh-understanding-128.json (two FAQ questions that raised alarms): a medicine's
/// schedule ("inject insulin twice a day") is not too much of it, and shots to be spaced further apart are a schedule, not
/// feeling spaced out. Both are written with the alternatives of safety.yaml. The alarming twins keep their alarm.
/// </summary>
public sealed class SafetyRecallRound59Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // Poison Control on 53dac77
    [InlineData("I inject my insulin twice a day so I'm fine with needles, can I do my own b12?")]
    // the check question on 53dac77
    [InlineData("had my loading jabs and now the nurse says theyll be spaced out, how often will they be?")]
    // calm on both
    [InlineData("finished my six injections last week and now they will be spaced out, what's the usual gap?")]
    public async Task A_schedule_told_beside_a_question_gets_an_answer_not_an_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(said));

        Assert.NotEqual(fixture.Content.Safety.PoisoningMessage, reply.Text);
        Assert.NotEqual(fixture.Content.Safety.ReactionCheck.Question, reply.Text);
        Assert.NotEqual(fixture.Content.Safety.UrgentMessage, reply.Text);
    }

    [Theory]
    [InlineData("i injected my insulin twice this morning by mistake")]
    [InlineData("i already inject insulin twice a day and just injected a double dose by accident")]
    [InlineData("gave him his insulin twice, he usually has it twice a day")]
    public async Task Insulin_given_twice_by_mistake_keeps_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }

    [Theory]
    [InlineData("I feel spaced out since the jab this morning")]
    [InlineData("the nurse said theyll be spaced out now but i feel really spaced out since this mornings jab")]
    public async Task Feeling_spaced_out_after_the_shot_keeps_the_check_question(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
    }
}
