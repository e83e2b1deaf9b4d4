using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 32's first look: "giveaways" and "telltale" for the signs of a deficiency, and "whereabouts" for where the
/// shot goes, were words the bot did not know, so a story told before such a question left too little to go on and got
/// the scope statement or another answer.
/// </summary>
public sealed class GiveawaysAndWhereaboutsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // another answer on d1efbce (the missed-dose and other-causes answers)
    [InlineData("I've been so run down lately, pins and needles in my feet, and my mum had pernicious anaemia. My GP is away till next month. What are the giveaways that your B12 is dropping?")]
    [InlineData("I'm exhausted all the time and my legs feel heavy. A friend thinks I'm short of something. What are the telltale things that show low B12?")]
    public void Asking_for_the_giveaways_of_low_b12_after_a_story_gets_the_symptoms_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("deficiency_symptoms", match.Entry?.Id);
    }

    [Fact]
    public void Asking_whereabouts_the_needle_goes_after_a_story_gets_the_injection_site_answer()
    {
        var match = fixture.Match("My first B12 injection is on Monday and I've no idea what to wear. My aunt says they did hers in the hip. Whereabouts do they usually put the needle?");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("injection_site", match.Entry?.Id);
    }

    [Fact]
    public void Whereabouts_of_something_else_is_not_a_b12_question()
    {
        Assert.Equal(FaqMatchKind.OutOfScope, fixture.Match("whereabouts is the nearest chemist open late").Kind);
    }
}
