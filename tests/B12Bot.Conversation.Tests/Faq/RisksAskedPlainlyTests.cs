using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 30: "can the jabs do anything bad to you" asks what can go wrong (the rare but serious risks), where "is b12
/// bad for you" asks whether it is safe.
/// </summary>
public sealed class RisksAskedPlainlyTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("could b12 injections do anything really bad to me?")]
    [InlineData("will the jab do anything nasty to my body")]
    [InlineData("is there anything bad about having b12 shots")]
    public void Anything_bad_the_shots_could_do_gets_the_serious_risks(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("serious_risks", match.Entry?.Id);
    }

    [Theory]
    [InlineData("is b12 bad for you", "safety")]
    [InlineData("are b12 injections safe", "safety")]
    [InlineData("is it bad if i miss a dose", "missed_dose")]
    [InlineData("is anything bad likely to happen if i drink after my jab", "after_the_shot")]
    public void Bad_asked_of_something_else_keeps_its_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }
}
