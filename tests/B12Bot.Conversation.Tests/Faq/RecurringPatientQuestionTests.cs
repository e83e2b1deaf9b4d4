using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Questions four blind batches kept asking in stories: buying vials online to inject oneself, one's own risk by age, and
/// what to skip after the shot on a day with sport and drinks, which blood tests find low B12 after a story of symptoms.
/// Each gets its own answer, not a neighbour's.
/// </summary>
public sealed class RecurringPatientQuestionTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("my gp says my levels are fine so no shots, but a website will post me vials and needles without a prescription. okay to buy them and inject myself?", "buying_online")]
    [InlineData("am i at risk of low b12, i'm 82", "risk_factors")]
    [InlineData("i have my b12 jab at noon and a wedding later with dancing and wine, plus i normally run in the evening. should i avoid any of that after the injection?", "after_the_shot")]
    // A story whose words are the symptom check's, ending in a question that asks for information: the answer, not the check.
    [InlineData("my dad has been pale and tired for months and his gp mentioned b12. he's worried one test will miss it. which blood tests do they usually run to check for low b12?", "labs")]
    public void A_recurring_story_question_gets_its_own_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }
}
