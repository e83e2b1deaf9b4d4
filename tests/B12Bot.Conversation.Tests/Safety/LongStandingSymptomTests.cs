using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// Long-standing symptoms asked about as deficiency get an ordinary answer; the same body words said as happening now,
/// suddenly or after a shot still raise the alarm. Each pair shows both sides of one rule.
/// </summary>
public sealed class LongStandingSymptomTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    /// <summary>The "now" at the end of a duration says how long, not that it started now.</summary>
    [Theory]
    [InlineData("tingly feet and hands for months now, could that be b12")]
    [InlineData("my legs have felt numb and prickly for a while now, is it my b12")]
    [InlineData("ive had itchy skin for weeks now, is that low b12")]
    public void A_symptom_for_months_now_is_long_standing(string text) =>
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(text).Class);

    [Theory]
    [InlineData("my hands are tingly now after my b12 shot")]
    [InlineData("itchy rash for a few hours now since the injection")]
    public void A_symptom_now_after_a_shot_still_gets_the_check_question(string text) =>
        Assert.Equal(TriageClass.PossibleReaction, fixture.Triage.Screen(text).Class);

    [Fact]
    public void Tingling_for_weeks_then_a_swelling_tongue_today_is_an_emergency() =>
        Assert.Equal(TriageClass.Emergency, fixture.Triage.Screen("been tingly for weeks now but suddenly my tongue is swelling").Class);

    /// <summary>A sensation next to another body part is that part's ("my hands tingle"), not the mouth's.</summary>
    [Theory]
    [InlineData("i've been tired, my hands tingle and my tongue is sore. can you check with me")]
    [InlineData("my tongue is sore and my fingers tingle")]
    [InlineData("my ankles are swollen and my tongue looks smooth and red")]
    public void Tingling_hands_or_swollen_ankles_beside_a_sore_tongue_are_not_an_emergency(string text) =>
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(text).Class);

    [Theory]
    [InlineData("my lips are tingling and my hands are numb")]
    [InlineData("my face and hands are swollen")]
    [InlineData("my throat is tight right now and my hands tingle")]
    [InlineData("my lips and tongue are tingling")]
    public void A_tingling_mouth_or_a_swelling_face_is_still_an_emergency_beside_other_body_parts(string text) =>
        Assert.Equal(TriageClass.Emergency, fixture.Triage.Screen(text).Class);

    /// <summary>A symptom that comes with every shot and passes is a side-effect question; one after this shot is not.</summary>
    [Theory]
    [InlineData("my mounjaro shot makes me feel sick for a day or two after, does that get better over time")]
    [InlineData("every time i have my injection i feel a bit dizzy, is that normal")]
    public void A_symptom_with_every_shot_is_a_side_effect_question(string text) =>
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(text).Class);

    [Theory]
    [InlineData("i feel sick after my b12 shot")]
    [InlineData("had my jab an hour ago and now i feel dizzy")]
    public void A_symptom_after_this_shot_gets_the_check_question(string text) =>
        Assert.Equal(TriageClass.PossibleReaction, fixture.Triage.Screen(text).Class);

    /// <summary>"Could it be b12" asks about the vitamin: no shot was given.</summary>
    [Theory]
    [InlineData("i used to do balloons a lot and now my feet feel tingly, could it be b12?")]
    [InlineData("my skin has gone itchy today, is it b12 related?")]
    public void A_symptom_asked_about_as_b12_deficiency_is_not_a_reaction(string text) =>
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(text).Class);

    [Fact]
    public void A_symptom_now_after_a_b12_shot_is_still_a_reaction() =>
        Assert.Equal(TriageClass.PossibleReaction, fixture.Triage.Screen("my feet feel tingly now, i had my b12 shot this morning").Class);

    /// <summary>"Stinking" is an everyday word, not a misspelt "stinging".</summary>
    [Fact]
    public void A_stinking_cold_before_a_shot_is_not_a_reaction() =>
        Assert.Equal(TriageClass.None, fixture.Triage.Screen("got a stinking cold, can i still get my b12 shot").Class);

    [Fact]
    public void Stinging_all_over_after_the_shot_gets_the_check_question() =>
        Assert.Equal(TriageClass.PossibleReaction, fixture.Triage.Screen("got my shot and now my whole body is stinging").Class);
}
