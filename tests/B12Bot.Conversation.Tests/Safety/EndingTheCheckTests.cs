using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// "End it" on its own is a crisis, but a visitor who ends the symptom check with it ("I don't want to finish this quiz,
/// end it": fresh-understanding-25 got the crisis line) is cancelling the check. Only the check's own names (quiz,
/// questionnaire, assessment ...) set it aside; "questions" does not ("so many questions, i just want to end it").
/// </summary>
public sealed class EndingTheCheckTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("end it, stop the quiz")]
    [InlineData("end it, im done with the questionnaire")]
    public async Task Ending_the_check_in_its_own_words_cancels_it_without_the_crisis_line(string said)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync(said);

        Assert.DoesNotContain(replies, r => r.Text == fixture.Content.Safety.CrisisMessage || r.Importance == ActivityImportance.High);
        Assert.Contains(replies, r => r.Text == fixture.Content.Walkthrough.Cancelled);
    }

    [Theory]
    [InlineData("end it")]
    [InlineData("i think im going to end it tonight")]
    [InlineData("so many questions in my head, i just want to end it")]
    [InlineData("i want to end it all, forget the quiz")]
    public void Ending_it_said_of_oneself_is_still_a_crisis(string said)
    {
        Assert.Equal(TriageClass.Crisis, fixture.Triage.Screen(said).Class);
    }
}
