using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The causes behind session 8's reaction misses, in other words than the sets use: mild skin signs at, near or just
/// after the shot (a rash, hives, itchy bumps, blotches) told without a time word, across two sentences, or asked as a
/// question about one's own skin; and the false alarms: advice to ring the emergency number "if" something happens,
/// "I'll" read as "ill", a rash feared or expected rather than had.
/// </summary>
public sealed class SafetyRecallRound6Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("a couple of hives have come up next to where my jab went in")]
    [InlineData("theres a red rash around the spot the nurse injected, otherwise im fine")]
    [InlineData("i can see some raised itchy bumps close to my injection")]
    [InlineData("the back of my arm is itchy around the jab, breathing ok")]
    [InlineData("blotchy patch on my tummy where i did my b12 injection, is that alright?")]
    [InlineData("is it usual to get spots near the needle mark after a b12 shot? mine appeared straight after")]
    [InlineData("Spotted a rash on my shoulder tonight. The nurse gave me my B12 at lunchtime.")]
    public async Task A_mild_skin_sign_at_or_after_the_shot_gets_the_check_question_not_the_scope_statement(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
        Assert.NotEqual(ActivityImportance.High, check.Importance);
        Assert.Equal([fixture.Content.Safety.ReactionCheck.Yes, fixture.Content.Safety.ReactionCheck.No], BotConversation.QuickReplies(check));
    }

    [Fact]
    public async Task A_skin_sign_at_the_site_that_no_rule_lists_gets_the_check_question_by_meaning()
    {
        // ("... tiny red dots" is a rule's since round 17: a red itchy patch at the site, red_itchy_patch_at_injection)
        const string Said = "the bit of skin the nurse put the needle into is itchy and covered in tiny raised dots";
        Assert.True(fixture.Triage.Screen(Said).IsNone, "no rule lists it: the backstop's reaction examples must find it");
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(Said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
        Assert.NotEqual(ActivityImportance.High, check.Importance);
    }

    [Fact]
    public async Task An_itch_where_another_medicine_is_injected_gets_the_scope_statement_not_the_check()
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync("the place on my tummy where i do my wegovy pen is itchy, should i move it"));

        Assert.Equal(fixture.Content.Messages.OutOfScope, reply.Text);
    }

    [Theory]
    [InlineData("the injection site itches a little")]
    [InlineData("does a b12 jab ever cause a rash near where it goes in")]
    [InlineData("my arm near the jab has been a bit itchy since monday, when does that usually settle")]
    [InlineData("i got a rash near the site after my flu jab, is b12 the same")]
    [InlineData("i get spots on my chin, could b12 injections help")]
    [InlineData("the area where they injected is warm and itchy")]
    [InlineData("i had a rash where the nurse injected me last year, should i mention it")]
    [InlineData("im worried ill get a rash around the jab like my sister did")]
    [InlineData("my husband went blotchy after his b12 jab, will i get it too")]
    public void A_question_an_ordinary_local_itch_or_another_cause_gets_no_check_question(string said)
    {
        Assert.True(fixture.Triage.Screen(said).IsNone);
    }

    [Fact]
    public async Task Advice_to_ring_the_emergency_number_if_something_ever_happens_is_a_question_not_an_emergency()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("the practice nurse told me to call 999 if my tongue ever swells after the shot, does that happen a lot");

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, BotConversation.IsUrgent);
        Assert.DoesNotContain(replies, r => r.Text == fixture.Content.Safety.UrgentMessage);
    }

    [Fact]
    public async Task A_real_swelling_with_the_number_told_is_still_urgent()
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync("they said to ring 999 and my tongue is swelling now after the shot"));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
    }

    [Fact]
    public async Task Swelling_told_after_the_clinics_advice_to_call_is_urgent()
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync("the pharmacist told me to call if anything changed and now my lips are swelling up"));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
    }

    [Fact]
    public async Task Ill_meaning_i_will_is_no_symptom()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("ill be having my first injection on friday, which part of the body is it given in");

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.Text == fixture.Content.Safety.ReactionCheck.Question);
    }

    [Fact]
    public void Feeling_ill_after_the_shot_still_gets_the_check_question()
    {
        Assert.Equal(TriageClass.PossibleReaction, fixture.Triage.Screen("i feel really ill since my b12 jab").Class);
    }
}
