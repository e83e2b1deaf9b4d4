using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 31's second look: a vaccine asked about by itself, after the B12 shot was told of, got a B12 answer ("My
/// question is about the pneumonia vaccine, do I need it again?" had the schedule answer). The content speaks of
/// vaccines only beside the shot, so only that answer may answer them; having the two close together keeps it.
/// </summary>
public sealed class VaccineAskedByItselfTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // B12 answers on cbe78b4 (the schedule, the dose)
    [InlineData("b12 jabs every 3 months for me. the covid booster though, how long does it protect for?")]
    [InlineData("i get b12 jabs. my gp wants me to have the shingles vaccine, how many doses is it?")]
    // already the scope statement
    [InlineData("I have my B12 jab every twelve weeks. Separate thing: the tetanus vaccine, when do I need it again?")]
    public void A_vaccine_asked_about_by_itself_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Theory]
    [InlineData("I get b12 shots and just had my flu jab yesterday. is that a problem?")]
    [InlineData("I'm on b12 injections. I've got my covid booster next week, will it affect them?")]
    [InlineData("i get b12 shots. had the flu jab today, can i still have my b12 tomorrow?")]
    public void The_shot_and_a_vaccine_close_together_keep_the_cold_or_vaccine_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("cold_or_vaccine", match.Entry?.Id);
    }
}
