using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// Round 53, in other words than the messages of the round's brief and sweep (none of them in a set): a box, a bottle or
/// a load of pills taken, swallowed or downed by anyone ("she's", "they've", a lodger, a flatmate), told with "has
/// taken" as well as "took"; someone groggy or drowsy after swallowing another's or many pills, either way round; pills
/// named then "swallowed them all"; someone found beside an emptied packet; a new swallow told after "the gp said she was
/// fine" (Poison Control); and false alarms: a near-faint at a blood draw, a handful of tablets every night, a strip
/// of tablets kept in a handbag. The near misses stay calm and the alarming twins keep their alarm.
/// </summary>
public sealed class SafetyRecallRound53Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // no alarm on fe62682
    [InlineData("she's just swallowed a box of her blood pressure tablets")]
    [InlineData("my lodger has taken a load of his sleeping pills, what should i do")]
    [InlineData("they've downed a bottle of cough medicine between them")]
    [InlineData("they took my meds and are really drowsy")]
    [InlineData("my girlfriend is really groggy after swallowing a few of my sleeping tablets")]
    [InlineData("my flatmate found my antidepressants and swallowed them all")]
    [InlineData("came home and found my brother on the sofa with an empty packet of paracetamol")]
    [InlineData("the doctor said it was fine yesterday but tonight she has taken a load of my diazepam")]
    [InlineData("the gp said she was fine on monday and this evening she swallowed a packet of my painkillers")]
    public async Task A_container_or_load_of_pills_taken_drowsy_after_anothers_pills_all_swallowed_or_found_beside_an_empty_packet_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }

    [Theory]
    // an alarm on fe62682
    [InlineData("The phlebotomist drew my blood for a folate test and I almost passed out, should I drink water beforehand next time?")]
    [InlineData("he takes a handful of tablets every night for his heart, can he have b12 too")]
    [InlineData("I keep a strip of ibuprofen in my handbag, is it ok with b12")]
    // near misses: no alarm on both
    [InlineData("she took a box of b12 tablets with her to spain")]
    [InlineData("what would happen if my husband swallowed a bottle of b12 tablets")]
    [InlineData("my daughter gets sleepy after taking her hay fever tablets, is b12 the same")]
    [InlineData("the doctor gave him a course of antibiotics and he took them all")]
    [InlineData("I've used a packet of b12 tablets each month since january")]
    // the review: a quantity of something that is no medicine (Poison Control after the round's first step)
    [InlineData("it took a lot of research before I chose the tablets over the jabs")]
    [InlineData("I swallowed a bottle of water with my b12 tablet this morning")]
    // "chose" was corrected into "choke" (911 before this round too)
    [InlineData("we chose the jabs over tablets in the end, was that right?")]
    public async Task A_near_faint_at_a_blood_draw_a_habit_a_carried_strip_or_a_question_gets_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    // the alarming twins: the same sign told now, in the same sentence as the new exceptions
    // (Poison Control on both)
    [InlineData("she takes a handful of vitamins every night and she has just swallowed a bottle of my sleeping pills")]
    [InlineData("he keeps a strip of paracetamol in his wallet and has swallowed a whole strip just now")]
    // (no alarm on fe62682)
    [InlineData("he keeps pills in his bag and he has just swallowed a packet of paracetamol")]
    [InlineData("my friend told me she swallowed a bottle of pills once and was fine, and now my husband has swallowed a bottle of my pills")]
    // the review's twins: a quantity of no medicine told beside pills swallowed now
    [InlineData("he took a lot of advice from me, then swallowed a bottle of my pills")]
    [InlineData("she drank a bottle of water and then took a whole bottle of my tablets")]
    public async Task Pills_swallowed_now_beside_a_habit_a_carried_supply_or_someone_elses_old_story_still_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }

    [Theory]
    // the check question on both: the shot told after the blood draw, then the near-faint
    [InlineData("the nurse drew blood and then did my jab and i nearly passed out just now")]
    [InlineData("the nurse took some blood and then gave me my b12 injection and I almost fainted")]
    public async Task A_near_faint_after_the_shot_beside_a_blood_draw_still_gets_the_check_question(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
    }
}
