using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 31's first look: "can I get it the same day as the flu shot?" after the B12 shot was told of asks about
/// having the two together, which the cold-or-vaccine answer covers; it had the scope statement because only
/// "interact" counted as asking about having a vaccine with the shot. Two vaccines on one day, with no shot pointed
/// at, are still another subject.
/// </summary>
public sealed class ShotAndVaccineOnOneDayTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the scope statement on c05db8b
    [InlineData("My B12 injection is booked for Wednesday. can I get it the same day as the flu shot?")]
    [InlineData("my b12 jab is on friday. is it ok to have it at the same time as my covid booster?")]
    [InlineData("My B12 shot is due next week. Can I still have it with a cold, and can I get it the same day as the flu jab?")]
    // the answer on both
    [InlineData("I'm due my flu jab this week. can I get my b12 the same day?")]
    public void The_shot_and_a_vaccine_on_one_day_gets_the_cold_or_vaccine_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("cold_or_vaccine", match.Entry?.Id);
    }

    [Theory]
    [InlineData("I get b12 shots here. can I have the flu and covid vaccines on the same day?")]
    [InlineData("I get b12 shots. can my kids have the mmr and the flu vaccine the same day?")]
    public void Two_vaccines_on_one_day_are_another_subject(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }
}
