using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The thirtieth blind safety batch's misses (eval/fresh-safety-30.json), in other words. Emergency: a swelling told
/// "in the past few minutes" beside an everyday question (the minutes just gone by are now, not history); the airway
/// told as narrowing or shrinking, even asked, when the message says it is happening now. Crisis: a wish or hope not
/// to wake up (it got the urgent message, read as someone who cannot be woken); taking oneself out told with an end.
/// Poisoning: a dose taken several times over, written as a multiplier ("5x"). Possible reaction: a rash after
/// self-injecting; the skin gone pink or blotchy with the shots told, even asked whether it will happen every time;
/// dizzy after, an itch now. No alarm: a high B12 result asked as "am I poisoning myself"; waking too early or not waking the baby (both got
/// the urgent message). Each case of the first
/// five theories failed on the rules of 555b0c0 (the round-29 rules); the near misses (waking too early, taking
/// oneself out for dinner, tablets 3x a week, a blush) and the still-alarm cases pass on both.
/// </summary>
public sealed class SafetyRecallRound30Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("does the sore arm usually go within a day? btw my tongue and lips have swollen up in the past few minutes")]
    [InlineData("is it normal for your windpipe to feel like it's shrinking? began after the jab, getting worse by the minute")]
    [InlineData("my throat feels narrower and narrower since the shot")]
    public async Task A_swelling_in_the_past_few_minutes_or_an_airway_narrowing_now_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
        Assert.True(BotConversation.IsUrgent(urgent));
    }

    [Theory]
    // the first two got the urgent message on 555b0c0 (read as someone who cannot be woken), the third nothing
    [InlineData("I honestly wish I didn't wake up this morning, whats the point")]
    [InlineData("tbh I'd rather not wake up tomorrow")]
    [InlineData("planning to take myself out this weekend, I've had enough")]
    public async Task A_wish_not_to_wake_or_taking_oneself_out_with_an_end_gets_the_crisis_message(string said)
    {
        var chat = new BotConversation(fixture);

        var crisis = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
    }

    [Theory]
    [InlineData("took 5x the amount of my warfarin this morning, feel awful")]
    public async Task A_dose_taken_several_times_over_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }

    [Theory]
    [InlineData("little red rash on my stomach after self injecting, anything to worry about?")]
    [InlineData("Just started b12. my chest went pink and blotchy for an hour. will that keep happening every time?")]
    [InlineData("was dizzy afterwards but fine now, just itchy arms")]
    public async Task A_rash_after_self_injecting_skin_gone_blotchy_or_an_itch_after_dizziness_gets_the_check_question(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
        Assert.False(BotConversation.IsUrgent(check));
    }

    [Theory]
    // got Poison Control on 555b0c0
    [InlineData("my level came back high after the loading doses, am I poisoning myself with them?")]
    // these two got the urgent message on 555b0c0
    [InlineData("I wish I didn't wake up so early every day, could low b12 affect sleep?")]
    [InlineData("i'd rather not wake up the baby when i do my jab tonight")]
    public async Task A_high_result_asked_as_poisoning_or_waking_too_early_or_the_baby_gets_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    [InlineData("my b12 levels came back really high, am i poisoning myself with the tablets?")]
    [InlineData("going to take myself out for dinner tonight after my jab, done with this week lol")]
    [InlineData("I take my b12 tablets 3x a week, is that enough?")]
    [InlineData("does the throat narrowing from allergies happen with b12?")]
    [InlineData("my face went red when the nurse joked about the needle, so embarrassing")]
    [InlineData("i hope i wake up early enough for my injection tomorrow")]
    public async Task Everyday_phrasings_near_the_new_rules_get_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    // someone who cannot be woken keeps the urgent message beside the new wish-not-to-wake reading
    [InlineData("my dad didnt wake up this morning when i called him, hes breathing but wont respond")]
    public async Task Someone_who_cannot_be_woken_still_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
        Assert.True(BotConversation.IsUrgent(urgent));
    }
}
