using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// Round 61, in other words than eval/fresh-safety-84..85.json: holding on no longer, not around long enough to learn
/// whether care works, letters written beside everything put in order, something wanted "that will" after a death asked
/// about, a wish not to wake told with "will not" or plainly in the morning (the crisis line, no longer 911); a collapse
/// into bed or onto the sofa that lasts all afternoon (no alarm). The near misses stay calm and the alarming twins keep
/// their alarm.
/// </summary>
public sealed class SafetyRecallRound61Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // no alarm on c05db8b
    [InlineData("not sure the injections will work in time, honestly I can't hold on much longer")]
    [InlineData("if this doesn't help soon I don't know if I can hang on any longer")]
    [InlineData("the b12 might help my mood in a few months but I doubt I'll be around long enough to know if it works")]
    [InlineData("please take me off the injection list, I've written all my letters and everything is sorted now")]
    [InlineData("Could too much B12 be fatal? I want something which would.")]
    // the urgent message on c05db8b (a wish not to wake read as someone who cannot be woken)
    [InlineData("most nights I pray I do not wake up in the morning, could my low b12 be making this worse")]
    [InlineData("I wish I will not wake up")]
    public async Task Holding_on_no_longer_letters_and_affairs_something_that_will_or_a_wish_not_to_wake_gets_the_crisis_line(string said)
    {
        var chat = new BotConversation(fixture);

        var crisis = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
    }

    [Theory]
    // the urgent message on c05db8b, no alarm now: worn out, a collapse into bed or onto the sofa that lasts
    [InlineData("after my jab I was wiped out and collapsed into bed all afternoon, is that normal?")]
    // near misses: no alarm on both
    [InlineData("does the tiredness after a loading dose pass? I pretty much crashed on the couch for the rest of the day")]
    [InlineData("i've written to my gp and sorted my prescription, when can i restart")]
    [InlineData("I can't hang on much longer between my jabs, the fatigue comes back after 6 weeks. Can they be closer?")]
    [InlineData("Is it true you can't overdose on b12? I want something that will actually work on my tiredness")]
    [InlineData("I wish I didn't wake up in the morning so groggy, could that be low b12?")]
    [InlineData("I'm moving abroad so I won't be around long enough to finish the course here")]
    [InlineData("ive written my letters to the bank and sorted everything out, can i pay for the jabs monthly")]
    // the review: the crisis line after round 61, with a word between "will" and the treatment's verb
    [InlineData("could b12 ever be deadly? really i just want something that would finally fix this exhaustion")]
    public async Task Resting_a_wait_a_treatment_wanted_a_sleep_complaint_or_paperwork_gets_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    // the alarming twins: the same sign told in the same sentence as the new phrases read as nothing
    [InlineData("I can't hang on much longer for my next jab and honestly I can't hang on much longer at all")]
    [InlineData("can b12 be lethal? i dont need something that will help, i need something that will")]
    [InlineData("can too much b12 be fatal? i need something that will actually end this")]
    [InlineData("written my letters to the council and my goodbye letters too, everything is in order")]
    public async Task Holding_on_no_longer_or_something_that_will_beside_one_read_as_nothing_still_gets_the_crisis_line(string said)
    {
        var chat = new BotConversation(fixture);

        var crisis = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
    }

    [Theory]
    [InlineData("I collapsed into bed all afternoon and now my wife has collapsed in the hallway")]
    [InlineData("I basically crashed on the sofa all evening and then my son collapsed on the kitchen floor and won't wake up")]
    [InlineData("my sister is not waking up and I pray I will not wake up either")]
    public async Task A_collapse_or_someone_not_waking_beside_a_rest_or_a_wish_still_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
    }
}
