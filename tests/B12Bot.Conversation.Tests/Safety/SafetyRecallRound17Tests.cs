using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The seventeenth blind safety batch's misses (eval/fresh-safety-17.json), in other words. Emergency: a chest or
/// breathing that whistles just after a shot, a bleed told in minutes ("for 40 min") with feeling faint or on a blood
/// thinner, half the face numb with a leg or arm giving way or a fall. Crisis: a lethal or fatal amount asked for with
/// wanting it over. Possible reaction: a rash where the nurse "did it", a red itchy ring or patch at the site. No alarm:
/// adrenaline given at an earlier visit and over, anaphylaxis to a food told as history with an epipen, "if her tongue
/// ever swelled up" asked ahead (a question frame that holds the sign's word), and everyday phrasings that share the new
/// words (a nurse whistling, a kettle, a nosebleed last month, a dentist's numbing, numbness for months, a fatal dose
/// asked about, the site only red or only itchy, how long redness lasts).
/// </summary>
public sealed class SafetyRecallRound17Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("jab was 10 mins ago, now my chest whistles when i breathe in and its a little hard to breathe")]
    [InlineData("my chest whistles a bit when i breathe out, had the injection 20 mins ago")]
    [InlineData("nose has been bleeding for 40 min, blood running down the back of my throat, feel dizzy, on rivaroxaban")]
    [InlineData("my gums have been bleeding 30 mins now and i'm on warfarin")]
    [InlineData("mum says her cheek feels numb and her leg gave way, she fell down in the kitchen")]
    public async Task A_whistling_chest_a_bleed_for_many_minutes_and_a_numb_face_with_a_failing_leg_get_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.True(BotConversation.IsUrgent(urgent));
    }

    [Theory]
    [InlineData("what amount of my insulin would be fatal? i just want this to be over")]
    [InlineData("how much b12 would be a lethal dose, asking cos i want it to end")]
    [InlineData("is there a deadly amount of these shots, i wish it was over")]
    public async Task A_lethal_amount_asked_for_with_wanting_it_over_gets_the_crisis_message(string said)
    {
        var chat = new BotConversation(fixture);

        var crisis = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
    }

    [Theory]
    [InlineData("little red rash came up where she did it this afternoon and it's itchy")]
    [InlineData("bumpy itchy patch where it went in, only noticed it an hour ago")]
    [InlineData("the jab site has gone red in a ring about as big as a 10p and it's so itchy")]
    [InlineData("round the site it's gone red and i can't stop scratching at it, the size of a big coin")]
    public async Task A_rash_where_the_nurse_did_it_and_a_red_itchy_patch_at_the_site_get_the_check_question(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
    }

    [Theory]
    // each of these got the urgent message before this round
    [InlineData("they gave my son adrenaline at the clinic a few days ago after his jab and he was fine afterwards, should he have the next one?")]
    [InlineData("my son had anaphylaxis to sesame two years ago, he carries an epipen now, can he start b12 injections?")]
    [InlineData("if her tongue ever swelled up after the shot should we drive to the hospital or call?")]
    [InlineData("the nurse was whistling a tune while she did my jab, is that normal lol")]
    // and these share the new rules' words
    [InlineData("if my face ever swelled up after a jab would i need the hospital?")]
    [InlineData("what would i do if my lips ever swelled after a jab, go to a&e?")]
    [InlineData("my wife has a peanut allergy and carries an epipen, she had anaphylaxis once, is b12 safe?")]
    [InlineData("my kettle whistles and made me jump, can I still have my jab today?")]
    [InlineData("can b12 help if my chest whistles when i have a cold?")]
    [InlineData("my nose bled for 20 min last month, is b12 ok with warfarin?")]
    [InlineData("my face went numb at the dentist and i nearly fell over getting out of the chair, can i have my b12 today?")]
    [InlineData("numb feet and my legs give way on the stairs, could it be low b12?")]
    [InlineData("my face and hands have felt numb for months and my legs sometimes give way, is that b12 deficiency?")]
    [InlineData("is there a dose of b12 that would be fatal?")]
    [InlineData("which dose would kill a cat? my vet wants to know if b12 is safe for him")]
    [InlineData("is it normal for the injection site to be red and itchy?")]
    [InlineData("my arm is a bit red where the injection was, no itch, normal?")]
    [InlineData("how long does the redness and itching at the jab site last?")]
    [InlineData("my injection site is itchy, is that normal?")]
    public async Task Reactions_that_are_over_questions_asked_ahead_and_everyday_phrasings_near_the_new_rules_get_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    // A food allergy or an epipen happening now, or a swelling now after advice given "if it ever", is still urgent.
    [InlineData("she's having anaphylaxis to peanuts right now")]
    [InlineData("my husband just used his epipen, he reacted to the shot")]
    [InlineData("the nurse said if my throat ever swells i should come back, and now my throat is swelling")]
    [InlineData("if my throat ever swells i should come back she said. now my throat is closing")]
    public async Task A_reaction_happening_now_still_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.Contains(replies, BotConversation.IsUrgent);
    }
}
