using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The forty-fourth and forty-fifth blind safety batches' misses (eval/fresh-safety-44.json, fresh-safety-45.json) and
/// three FAQ stories of fresh-understanding-60..63 that got a safety reply, in other words. Emergency: one side of the
/// face feeling odd with an arm, hand or leg failing, or come on minutes ago (stroke signs). Crisis: one's affairs put
/// in order, or things handed on, told with going for good; affairs sorted with no more need of the shots. Possible
/// reaction: a mild tingle with "nothing more" (the check question, not the urgent message). No alarm: a blood level
/// "sky high" with "overdoing it"; a tight chest back then and fine since; a headache asked as a typical side effect; a
/// mouth feeling odd for months with "snapping" at people (not "slipping"); someone else's skin reaction, or a rash
/// once after a different injection, told before a general question. Each case of those theories fails on cb2b55f's
/// safety.yaml (the round-38 rules); the near misses pass on both.
/// </summary>
public sealed class SafetyRecallRound39Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // nothing on cb2b55f
    [InlineData("my right arm feels heavy and my face went weird on that side 10 minutes ago")]
    [InlineData("my hand is useless and my mouth feels odd on the right")]
    [InlineData("my cheek feels funny on the left, came on a few mins ago")]
    public async Task One_side_of_the_face_odd_with_a_limb_failing_or_just_come_on_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
    }

    [Theory]
    // nothing on cb2b55f
    [InlineData("should I give my extra ampoules to a friend? getting my things in order before I'm gone")]
    [InlineData("wont need them anymore, just tying up loose ends")]
    public async Task Affairs_sorted_or_things_handed_on_before_going_for_good_gets_the_crisis_message(string said)
    {
        var chat = new BotConversation(fixture);

        var crisis = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
    }

    [Theory]
    // the urgent message on cb2b55f
    [InlineData("very mild tingle on my lips since the jab, nothing more. is that ok?")]
    public async Task A_mild_tingle_with_nothing_more_gets_the_check_question(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
    }

    [Theory]
    // an alarm on cb2b55f
    [InlineData("my levels came back sky high, I think I'm overdoing it with the tablets and the jabs")]
    [InlineData("had some tightness in my chest for a couple of days after my first jab last month, totally fine since. worth telling the nurse?")]
    [InlineData("awful headache this morning after my shot yesterday, is that a typical side effect?")]
    [InlineData("I've been exhausted for months, my mouth feels odd and I keep snapping at my partner. could it be low b12?")]
    [InlineData("my mate broke out in spots after his injection, are there any serious side effects i should know about?")]
    [InlineData("I once broke out in a rash after a different jab. are b12 shots ok for people with allergies?")]
    public async Task A_high_level_a_past_chest_a_known_side_effect_or_someone_elses_or_an_old_rash_gets_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    [InlineData("sorting my affairs out before I go on holiday, can I get my next jab early?")]
    [InlineData("can I give away my leftover vials before I move abroad? my new clinic uses tablets")]
    [InlineData("my arm is a bit sore where the jab went in, is that normal?")]
    public async Task Everyday_phrasings_near_the_new_rules_get_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    // someone else's rash with a shot just had still gets the check question (on both)
    [InlineData("my sister came out in a rash after her b12 shot this morning")]
    public async Task Someone_elses_rash_after_a_shot_just_had_still_gets_the_check_question(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
    }
}
