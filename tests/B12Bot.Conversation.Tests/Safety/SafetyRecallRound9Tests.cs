using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The causes behind the misses of the ninth blind safety batch, in other words than the set uses: someone who does not
/// respond with the eyes open, or does not answer when spoken to (also said without the helping verb); a skin sign with
/// fainting, being unable to stand or a falling blood pressure after a shot, told in two sentences; B12 drops or liquid
/// drunk by a child; a few extra doses of a risky medicine. And the false alarms: a warning about anaphylaxis heard
/// from a clinician, a swelling decades ago, one faint at an earlier blood test, a result flagged in red, a flaky or
/// scaly rash, and a faint or skin sign that is only asked about in another sentence.
/// </summary>
public sealed class SafetyRecallRound9Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("Grandmas eyes are open. She doesnt respond though, she had her shot earlier")]
    [InlineData("my husband is not answering when we talk to him since his injection, what do i do")]
    [InlineData("my father he no answer after the nurse gave him the b12, what to do")]
    public async Task Someone_who_does_not_respond_with_open_eyes_or_when_spoken_to_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
        Assert.True(BotConversation.IsUrgent(urgent));
    }

    [Theory]
    [InlineData("I'm about to pass out. There are itchy red bumps all over my chest since the injection")]
    [InlineData("Got my jab at lunch. Blotches on my neck and back. Too weak to stand up now.")]
    [InlineData("My bp has dropped to 75 over 45. I've come out in hives after the injection this afternoon")]
    [InlineData("Feeling very faint and shaky. Could this rash on my arms be from the b12 shot?")]
    public async Task A_skin_sign_with_fainting_or_falling_blood_pressure_after_a_shot_in_two_sentences_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
        Assert.True(BotConversation.IsUrgent(urgent));
    }

    [Theory]
    [InlineData("my grandson drank some of the liquid b12 this afternoon")]
    [InlineData("my toddler drank half the bottle of liquid drops")]
    [InlineData("took a couple of extra digoxin today, I only take one a day")]
    [InlineData("I've taken 3 extra lithium this week, I thought I had missed them")]
    public async Task A_child_drinking_b12_drops_or_a_few_extra_doses_of_a_risky_medicine_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }

    [Theory]
    [InlineData("Years ago I fainted at the dentist. Today I have an itchy rash after the shot")]
    [InlineData("My blood pressure machine says 120/80. I have a small itchy bump where the jab went in this morning")]
    public async Task A_past_faint_or_a_normal_blood_pressure_with_a_rash_after_the_shot_gets_the_check_question(string said)
    {
        var chat = new BotConversation(fixture);

        var check = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.ReactionCheck.Question, check.Text);
        Assert.NotEqual(ActivityImportance.High, check.Importance);
    }

    [Theory]
    [InlineData("My GP warned me about anaphylaxis with these injections. Is it common?")]
    [InlineData("The pharmacist warned us about anaphylaxis, how often does it happen?")]
    [InlineData("My grandad's lips swelled up badly after a bee sting in the 80s, he's fine. Could I be allergic to b12 as well?")]
    [InlineData("I blacked out once during a blood draw, so I'm nervous about my first b12 shot. Will it hurt?")]
    [InlineData("I had my injections and now my results show b12 highlighted in red at 1500, is that bad")]
    [InlineData("I've been on b12 jabs for a year and now there's a flaky itchy patch on my shin, is it eczema?")]
    [InlineData("Having b12 injections for 6 months and now I get scaly itchy skin on my knees, what cream helps?")]
    [InlineData("I always feel faint with needles. Could the injection give me a rash?")]
    [InlineData("I felt very faint from nerves last time. Do b12 injections cause itching?")]
    [InlineData("My teenage son is not answering when I talk to him about booking his jab")]
    public async Task A_heard_warning_an_old_swelling_an_earlier_faint_a_red_flagged_result_a_scaly_rash_or_a_question_is_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }
}
