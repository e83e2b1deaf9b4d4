using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 32's first look: "What should I do if I have not had a B12 injection when it was due?" had the next-steps
/// answer ("what should I do" was all the bot read). A shot not had when it was due is a missed dose; a shot that was
/// due and was had, or is due soon, keeps the answer its question asks for.
/// </summary>
public sealed class WhenItWasDueTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the next-steps answer on 04e9826
    [InlineData("what do I do now, I didn't get my b12 shot when it was due")]
    // already the missed-dose answer
    [InlineData("my b12 injection was due last week and I have not had it, what should I do")]
    public void A_shot_not_had_when_it_was_due_gets_the_missed_dose_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("missed_dose", match.Entry?.Id);
    }

    [Theory]
    [InlineData("my shot was due today and i had it, now my arm is sore", "sore_arm_days_later")]
    [InlineData("I'm due my B12 shot tomorrow, can I have it with a cold?", "cold_or_vaccine")]
    public void A_shot_had_or_due_soon_keeps_its_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }
}
