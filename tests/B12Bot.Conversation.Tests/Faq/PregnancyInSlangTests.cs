using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>Session 30's third look: "preggers" is pregnancy slang, too far from "pregnant" for the typo corrector.</summary>
public sealed class PregnancyInSlangTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the sore-arm answer on 686da89
    [InlineData("are b12 jabs alright if ur preggers")]
    // the pregnancy answer on both
    [InlineData("im preggo can i still get my b12 jab")]
    public void Pregnancy_told_in_slang_gets_the_pregnancy_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("pregnancy", match.Entry?.Id);
    }
}
