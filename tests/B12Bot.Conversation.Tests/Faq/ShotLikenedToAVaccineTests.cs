using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 36, in other words than eval/fresh-understanding-153.json ("... it's just achy, a bit like after a tetanus
/// shot. Is it normal for the arm to still be sore this many days later?" had the scope statement, as did 6 of 7 older
/// eval messages likening the shot to a vaccine): a vaccine named only to liken the B12 shot to it is no other subject.
/// A vaccine wanted ("I'd like the flu jab too") or asked about stays one.
/// </summary>
public sealed class ShotLikenedToAVaccineTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // each had the scope statement on 30556d1
    [InlineData("arm is a bit achy where they did the jab on monday, like after a flu jab. how long does that normally go on?", "sore_arm_days_later")]
    [InlineData("shoulder sore where I had the injection this morning, like after a flu vaccine", "sore_arm_days_later")]
    [InlineData("my daughter is terrified of her first b12 injection. how much will it hurt? is it like a covid jab?", "does_it_hurt")]
    [InlineData("I am having my first b12 shot soon and wonder where it goes. In the arm like my old flu jab?", "injection_site")]
    public void A_b12_question_likening_the_shot_to_a_vaccine_is_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    // "like" as a verb: the vaccine is wanted, and the answer about a vaccine the same day is the one
    [InlineData("i'd like my flu jab on the same day as my b12 injection, is that ok?")]
    [InlineData("we would like the covid booster at the same visit as the b12 shot, can we?")]
    public void A_vaccine_wanted_beside_the_shot_is_still_the_vaccine_question(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("cold_or_vaccine", match.Entry?.Id);
    }

    [Fact]
    public void A_vaccine_asked_about_by_itself_after_a_likening_is_still_out_of_scope()
    {
        var match = fixture.Match("my b12 jab felt like a flu jab. separate question: how many doses of the shingles vaccine do i need?");

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }
}
