using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// Ordinary B12 questions that use an alarm word the way patients do (fresh-understanding-20's false alarms, in other
/// words): a handful of tablets taken every day, fainting at a blood test long ago, whether too much of a vitamin can
/// cause a symptom. Each got the Poison Control or the urgent message before session 14; what happens now is still
/// caught.
/// </summary>
public sealed class EverydayQuestionsWithAlarmWordsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("mum takes a handful of pills every day for her heart and diabetes, is it safe for her to start b12 jabs?")]
    [InlineData("I nearly fainted having my blood taken last month, will the b12 jab be just as bad?")]
    [InlineData("can too much vitamin d from my supplements cause headaches?")]
    public async Task A_question_with_an_alarm_word_gets_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    // fresh-understanding-26 asked how one would recognise anaphylaxis and got the urgent message
    [InlineData("how would I recognise it if I was going into anaphylaxis after my jab?")]
    [InlineData("would I be able to tell straight away if it was anaphylaxis")]
    [InlineData("how do you spot anaphylaxis in a child after an injection")]
    public async Task Asking_how_to_recognise_a_reaction_gets_the_answer_not_the_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    [InlineData("how would I recognise anaphylaxis? my lips are swelling up right now")]
    [InlineData("i think this is anaphylaxis, i had the jab ten minutes ago")]
    public async Task A_reaction_told_as_happening_beside_such_a_question_still_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.Contains(replies, BotConversation.IsUrgent);
    }

    [Fact]
    public async Task A_child_who_took_a_handful_of_tablets_still_gets_poison_control()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("my son took a handful of my tablets, he is 3");

        Assert.Contains(replies, r => r.Text == fixture.Content.Safety.PoisoningMessage);
    }

    [Fact]
    public async Task Someone_who_fainted_and_is_not_waking_up_still_gets_the_urgent_message()
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync("he fainted and isn't waking up"));

        Assert.True(BotConversation.IsUrgent(urgent));
    }
}
