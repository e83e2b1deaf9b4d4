using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The causes behind session 7's blind safety misses, in other words than the set uses: stroke signs that came on
/// suddenly, bleeding that will not stop, someone who may not be breathing, pills saved up, a whole supply taken with
/// drink or on purpose, two days of tablets at once; and the false alarms: a childhood episode, fainting at the sight
/// of blood, a queue that is "killing me", a passing dizziness.
/// </summary>
public sealed class SafetyRecallRound5Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("all of a sudden my left leg went weak and i can hardly stand")]
    [InlineData("my dads right arm suddenly went numb and his words are funny")]
    [InlineData("my nose has been bleeding for an hour and it wont stop")]
    [InlineData("theres blood gushing from where i cut my finger")]
    [InlineData("my mum collapsed in the kitchen and im not sure if shes breathing")]
    [InlineData("i just passed out for a moment after my jab and i still feel awful")]
    public async Task A_red_flag_happening_now_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage.Trim(), reply.Text?.Trim());
        Assert.Equal(ActivityImportance.High, reply.Importance);
    }

    [Theory]
    [InlineData("ive been stockpiling my tablets for weeks now")]
    [InlineData("i have stashed my sleeping pills in a drawer, there are enough")]
    public void Pills_saved_up_get_the_crisis_line(string said)
    {
        Assert.Equal(TriageClass.Crisis, fixture.Triage.Screen(said).Class);
    }

    [Theory]
    [InlineData("had a load of wine then swallowed all of my sertraline")]
    [InlineData("i took all my paracetamol deliberately an hour ago")]
    [InlineData("swallowed three days of my tablets in one go by mistake")]
    public void A_whole_supply_or_days_of_tablets_at_once_gets_poison_control(string said)
    {
        Assert.Equal(TriageClass.Poisoning, fixture.Triage.Screen(said).Class);
    }

    [Theory]
    [InlineData("i had seizures when i was a teen, can i still get b12 jabs")]
    [InlineData("i go dizzy at the sight of needles, any tips for my jab")]
    [InlineData("does b12 cause bleeding that wont stop")]
    [InlineData("i take all my tablets every morning with breakfast, is b12 ok with them")]
    [InlineData("i get pins and needles in my hands, is that low b12")]
    [InlineData("i fainted at my last injection, will the next one go the same way")]
    public void An_ordinary_question_with_alarming_words_raises_nothing(string said)
    {
        Assert.True(fixture.Triage.Screen(said).IsNone);
    }

    [Fact]
    public async Task A_figure_of_speech_about_waiting_gets_no_crisis_line()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("sitting in this waiting room is killing me, how long are the b12 appointments");

        Assert.DoesNotContain(replies, r => r.Importance == ActivityImportance.High);
    }

    [Fact]
    public void Dizziness_that_came_and_went_after_a_shot_gets_no_check_question()
    {
        Assert.True(fixture.Triage.Screen("i was a bit lightheaded for a minute after my jab on monday and it went away quickly").IsNone);
    }
}
