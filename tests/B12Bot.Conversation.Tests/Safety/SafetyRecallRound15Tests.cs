using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The fifteenth blind safety batch's misses (eval/fresh-safety-15.json), in other words. Emergency: stroke signs said
/// without "drooping" (half the face or mouth that won't move, a smile that won't come properly, dribbling from the
/// corner of the mouth), a sudden agonising headache or a headache with a stiff neck and vomiting, something heavy
/// sitting or standing on the chest, a throat or tongue ("throat's") closing or swelling "a bit", someone gone floppy
/// who can't be roused or has bluish lips. Crisis: self-harm done "again", thinking of the injection as a way to make it
/// all over, taking all of someone's tablets to go to sleep for good. Poisoning: someone else's tablets taken before
/// noticing, a medicine doubled up, one patient's tablets given to another, a shot given more often than prescribed.
/// Possible reaction: a puffy or warm site asked about as a reaction, a face gone pink after the shot, a site swelled up
/// like an egg. No alarm: general questions and figures of speech near each new rule (signs of a stroke asked about, a
/// dentist's numbing, teething, "kills me" about work, a GP who will "kill me", whether an overdose is possible, a bruise
/// at the site, an air bubble in the syringe, a loading course, tablets given as usual in a care home).
/// </summary>
public sealed class SafetyRecallRound15Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("mum's smile has gone wonky all of a sudden and one side of her mouth is hanging")]
    [InlineData("my husband suddenly can't smile on one side and water is dribbling out the corner of his mouth")]
    [InlineData("half of dad's face won't move and he seems confused")]
    [InlineData("a sudden excruciating headache hit me like nothing before, I've been sick twice")]
    [InlineData("blinding headache came on suddenly about 20 mins ago, throwing up, can't bend my neck")]
    [InlineData("feels like someone is standing on my chest and i'm drenched in sweat")]
    [InlineData("my tongue's swelling a little since the shot, can I just take an antihistamine")]
    [InlineData("her throat's closing up a little since the jab, should she have some water")]
    [InlineData("dad's gone all floppy on the sofa and we can't rouse him")]
    [InlineData("my wife has gone floppy and her lips are a bluish colour")]
    public async Task Stroke_thunderclap_heart_attack_throat_and_collapse_signs_in_other_words_get_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.True(BotConversation.IsUrgent(urgent));
    }

    [Theory]
    [InlineData("been cutting my thighs again, nobody knows")]
    [InlineData("the urge came back and i've been cutting my legs again")]
    [InlineData("when i do my shot i think about injecting air so it would all be over")]
    [InlineData("some days i think about putting something else in the syringe so its all over")]
    [InlineData("i keep thinking about swallowing all her pills and going to sleep for good")]
    public async Task Self_harm_again_the_shot_as_a_way_out_and_sleeping_for_good_get_the_crisis_message(string said)
    {
        var chat = new BotConversation(fixture);

        var crisis = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
    }

    [Theory]
    [InlineData("i swallowed a couple from the box before I noticed the name on it wasn't mine")]
    [InlineData("i doubled up my blood pressure tablets this morning, forgot i'd already had them, now i feel dizzy")]
    [InlineData("I gave Mr B's tablets to resident C an hour ago, one of them is lithium")]
    [InlineData("injected my b12 every day this week instead of once a month, feel weird")]
    [InlineData("gave myself my jab 4 days running instead of once a fortnight, now I feel sick")]
    public async Task Anothers_tablets_a_doubled_medicine_a_resident_mix_up_and_shots_too_often_get_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }

    [Theory]
    [InlineData("my arm's gone puffy and warm where the jab went in, could it be a reaction")]
    [InlineData("after the injection my face went pink and I got a headache, it's settling now")]
    [InlineData("the site has swollen up like an egg, a bit sore but otherwise fine")]
    [InlineData("the jab site has swelled up like a golf ball, not too painful")]
    public async Task A_site_asked_about_as_a_reaction_a_face_gone_pink_and_a_site_swelled_up_get_the_check_question(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
    }

    [Theory]
    [InlineData("what are the signs of a stroke? does facial drooping count?")]
    [InlineData("can b12 deficiency make you drool?")]
    [InlineData("my baby is drooling a lot with teething, could he be low on b12?")]
    [InlineData("what does a thunderclap headache feel like?")]
    [InlineData("is chest pain a side effect of b12 injections?")]
    [InlineData("can you overdose on b12?")]
    [InlineData("is overdosing on b12 even possible?")]
    [InlineData("my doctor is going to kill me, I forgot to book my blood test again")]
    [InlineData("this commute practically kills me every day, would b12 help my energy?")]
    [InlineData("my job kills me, could it be b12 making me tired?")]
    [InlineData("small bruise where they did the jab, it doesnt hurt")]
    [InlineData("bit of a purple bruise at the injection site today, is that normal")]
    [InlineData("how do I get rid of an air bubble in the syringe before I inject?")]
    [InlineData("I've finished my last injection so it's all over now, what next")]
    [InlineData("I gave the residents their tablets at lunch as usual, can b12 be given then too?")]
    [InlineData("my doctor wants me to have injections every other day for two weeks instead of once a month, is that normal?")]
    [InlineData("is swelling at the injection site a reaction?")]
    [InlineData("my face goes pink when I exercise, is that low b12?")]
    [InlineData("my dog has floppy ears, can pets have b12?")]
    public async Task General_questions_and_figures_of_speech_near_the_new_rules_get_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    // Whether to double up to make up for a missed dose is asked before doing it: the missed-dose answer, no alarm.
    [InlineData("if i forget a b12 tablet can i double up the next morning?")]
    [InlineData("missed my injection on friday, should i take a double dose to catch up?")]
    public async Task Asking_whether_to_double_up_after_a_missed_dose_gets_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    [InlineData("i accidentally took a double dose of my blood pressure tablets")]
    [InlineData("took double my metformin this morning, forgot i'd had it already")]
    public async Task A_double_dose_taken_still_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.Contains(replies, r => r.Text == fixture.Content.Safety.PoisoningMessage);
    }
}
