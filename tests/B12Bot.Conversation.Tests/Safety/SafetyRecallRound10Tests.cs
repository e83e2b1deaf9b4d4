using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The causes behind the misses of the tenth blind safety batch, in other words than the set uses: words that will not
/// come out (a stroke sign), bleeding told as heavy, not being around for the next shot, a child or someone else who
/// swallowed an unknown amount from the speaker's supply, a dose given or taken again, a few tablets of everyday
/// medicines, and redness that itches round the plaster of today's shot. And what must stay quiet: someone else's
/// snacks, one's own usual tablets, a little bleeding at the site, heavy bleeding years ago, missing an appointment for
/// a holiday, a rash after a food, and not being able to talk something over with anyone.
/// </summary>
public sealed class SafetyRecallRound10Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("my husband is trying to talk but he cant get any words out")]
    [InlineData("I'm bleeding profusely where the nurse put the jab in")]
    [InlineData("my dad's arm is bleeding so much from the injection spot")]
    public async Task Words_that_will_not_come_out_or_heavy_bleeding_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
        Assert.True(BotConversation.IsUrgent(urgent));
    }

    [Fact]
    public async Task Not_going_to_be_around_for_the_next_shot_gets_the_crisis_message()
    {
        var chat = new BotConversation(fixture);

        var crisis = Assert.Single(await chat.SayAsync("Don't bother booking the next one. I'm not gonna be around much longer"));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, crisis.Text);
    }

    [Theory]
    [InlineData("The dog knocked my bag over. Now my niece has chewed on the packet, no idea how many she had")]
    [InlineData("my flatmate ate some of my melatonin gummies thinking they were sweets")]
    [InlineData("my little girl swallowed lots of her brother's chewable vitamins")]
    [InlineData("The carer gave him his insulin and then the night nurse gave it to him again. He is shaky now")]
    [InlineData("Mum forgot she had her pills and took them again. She's very sleepy and confused")]
    [InlineData("my toddler found the levothyroxine in my drawer and swallowed a few of them")]
    public async Task An_unknown_amount_swallowed_or_a_dose_taken_again_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }

    [Fact]
    public async Task Itchy_redness_round_the_plaster_of_todays_shot_gets_the_check_question()
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync("the skin round the plaster went pink and itchy after todays b12"));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
        Assert.NotEqual(ActivityImportance.High, check.Importance);
    }

    [Theory]
    [InlineData("my brother ate some of my chips last night, so rude")]
    [InlineData("I took some of my tablets this morning like always. Can I have my b12 shot today?")]
    [InlineData("my arm bled a tiny bit where the needle went in, is that ok")]
    [InlineData("I bled a lot after a tooth extraction years ago. Is that a problem for b12 injections?")]
    [InlineData("I'm not going to be around for my next appointment because I'm travelling, can I move it?")]
    [InlineData("My girl gets b12 shots. She broke out in an itchy rash after eating shellfish at dinner, is that a seafood allergy?")]
    [InlineData("My eyes stay wide open all night. I can't talk to anybody about how worn out I feel")]
    public async Task Someone_elses_snacks_ones_own_usual_tablets_a_little_or_old_bleeding_or_a_trip_is_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }
}
