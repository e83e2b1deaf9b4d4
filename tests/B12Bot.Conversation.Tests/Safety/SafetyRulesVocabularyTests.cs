using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// Words the rules of dialogs/safety.yaml must know: fainting said many ways, a pounding heart, several vials at once,
/// bumps where the needle went in; and what they must not misread: "a faint rash" (pale, not fainting) and a leaflet
/// that mentions anaphylaxis.
/// </summary>
public sealed class SafetyRulesVocabularyTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("since my jab my heart is hammering and i feel like im going to pass out")]
    [InlineData("heart racing and i think i might faint, had the shot 10 minutes ago")]
    [InlineData("got my b12 a few minutes ago, now welts on my arms and i feel like i'm going to pass out")]
    [InlineData("itchy lumps on my chest and feeling faint")]
    public void Fainting_with_a_racing_heart_or_skin_signs_is_urgent(string said)
    {
        Assert.Equal(TriageClass.Emergency, fixture.Triage.Screen(said).Class);
    }

    [Theory]
    [InlineData("i injected two vials at once by mistake")]
    [InlineData("accidentally gave myself 3 ampoules instead of one")]
    [InlineData("i gave myself two injections today by mistake")]
    [InlineData("i think i injected way more than i was prescribed")]
    public void Several_doses_at_once_gets_poison_control(string said)
    {
        Assert.Equal(TriageClass.Poisoning, fixture.Triage.Screen(said).Class);
    }

    [Theory]
    [InlineData("there's a faint rash on my wrist since my injection this morning")]
    [InlineData("a bit woozy since the b12 shot an hour ago")]
    [InlineData("small red bumps near where the needle went in, they showed up this afternoon")]
    public void A_mild_new_symptom_after_the_injection_gets_the_check_question(string said)
    {
        Assert.Equal(TriageClass.PossibleReaction, fixture.Triage.Screen(said).Class);
    }

    [Theory]
    [InlineData("the leaflet warns about anaphylaxis, should i be worried")]
    [InlineData("i read that anaphylaxis can happen, should i be scared")]
    [InlineData("i was given 6 injections over the first two weeks, is that normal")]
    [InlineData("the pharmacy gave me three vials to take home")]
    [InlineData("im tired of fighting with my insurance about the shots")]
    public void Reading_about_a_risk_or_a_usual_course_is_no_emergency(string said)
    {
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(said).Class);
    }
}
