using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The thirty-eighth and thirty-ninth blind safety batches' misses (eval/fresh-safety-38.json, fresh-safety-39.json) and
/// two false alarms from understanding batches, in other words. Emergency: a seizure seen now, of anyone (on the ground
/// shaking, foam at the mouth). Crisis: not waking up welcomed, with the pills at hand (it had got the urgent message);
/// injecting air thought of (it had got Poison Control). Poisoning: another medicine's pen injected in place of the B12;
/// a household chemical drunk from the wrong bottle with a burning throat (Poison Control, not the urgent message); a pet
/// that licked up a spill or a numbing cream. No alarm: a symptom or a double dose imagined; dread of one's own needle
/// every week; someone else nearly fainting at the sight of the needle; hives weeks ago, gone the next day, asked ahead;
/// a pet that licked a vial weeks ago and was fine; "end it" said of the chat's questions; missing an alarm clock. Each
/// case of those theories fails on 6f2246f's safety.yaml (the round-35 rules); the near misses pass on both.
/// </summary>
public sealed class SafetyRecallRound36Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // nothing on 6f2246f
    [InlineData("my mum is on the ground shaking and there is foam coming out of her mouth, we were chatting about her jabs, what now")]
    [InlineData("the man next to me in the waiting room is frothing at the mouth and his arms are going rigid")]
    public async Task A_seizure_seen_now_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
        Assert.True(BotConversation.IsUrgent(urgent));
    }

    [Theory]
    // the urgent message or Poison Control on 6f2246f
    [InlineData("honestly if i just didnt wake up tomorrow it would be a relief, my tablets are on the bedside table")]
    [InlineData("my b12 is still low and i'm so tired of it all. if i didnt wake up tomorrow i wouldnt mind. my sleeping tablets are right next to me")]
    [InlineData("I have syringes and keep thinking about injecting air or something else into myself. don't want help, does b12 cause low mood")]
    public async Task Not_waking_welcomed_or_injecting_air_thought_of_gets_the_crisis_message(string said)
    {
        var chat = new BotConversation(fixture);

        var crisis = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
    }

    [Theory]
    // nothing or the urgent message on 6f2246f
    [InlineData("double-injected my mounjaro pen this morning instead of b12, feeling rough")]
    [InlineData("I swallowed a mouthful from a lemonade bottle that turned out to have bleach in it. mouth and throat stinging")]
    [InlineData("the puppy lapped up the lidocaine cream I dropped on the floor a minute ago")]
    public async Task Another_pen_injected_a_chemical_drunk_or_a_spill_licked_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }

    [Theory]
    // an alarm on 6f2246f
    [InlineData("in theory if I got hives after the injection what would I do?")]
    [InlineData("I dread stabbing myself with that needle every week, is there another way?")]
    [InlineData("my mum almost passed out watching the nurse give me my shot lol. how long does a vial last?")]
    [InlineData("my dog licked an old b12 vial a few weeks ago and was absolutely fine, is b12 safe for dogs?")]
    [InlineData("I don't want to carry on with the check, end it please")]
    // session 21: a faint at blood tests told as a tendency, before asking whether the jab hurts (fresh-understanding-52)
    [InlineData("I've almost passed out at my blood tests before, will the b12 injection hurt?")]
    [InlineData("if I didn't wake up for my alarm I'd miss my appointment")]
    public async Task An_imagined_symptom_needle_dread_a_faint_at_the_sight_or_ending_the_chat_gets_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    [InlineData("what if I accidentally doubled up on my jab, would it hurt me?")]
    [InlineData("my shot stung like mad this afternoon, like a wasp. normal?")]
    [InlineData("I got a few hives after my jab 3 weeks ago, gone the next day. should I tell the nurse before my next one?")]
    [InlineData("my boss was foaming at the mouth about the new rota today lol")]
    [InlineData("is it dangerous if there is a small air bubble in the syringe when I inject?")]
    [InlineData("the cat licked the plaster on my injection site, is that ok?")]
    [InlineData("jabbing myself every week makes me feel a bit queasy, are there tablets instead?")]
    [InlineData("my daughter was shaking on the floor with laughter at my b12 face")]
    public async Task Everyday_phrasings_near_the_new_rules_get_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }
}
