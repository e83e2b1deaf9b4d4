using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// A story of nerve symptoms (numbness, pins and needles, unsteadiness) followed by a question whose own words ask for
/// next steps: the answer the person needs is the one about nerve symptoms (see a clinician promptly rather than starting
/// shots alone), which the sentence-embedding model reading the whole message finds; the first stage's words alone point at
/// what the question names (next steps, buying shots). Three blind batches kept asking it this way.
/// </summary>
public sealed class NerveSymptomStoryTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("my feet have been prickly and numb on and off since march and i've been wobbly on the stairs. i read that b12 can be the reason. should i just order some shots?")]
    [InlineData("my hands go numb when i wake up and my legs feel shaky when i climb the stairs, it's been like that for weeks and my b12 has never been checked. what should i do?")]
    [InlineData("i've had pins and needles in my toes for a month and i'm unsteady when i stand up. should i start b12 jabs or what do you suggest?")]
    public void Nerve_symptoms_told_before_a_next_steps_question_get_the_nerve_symptoms_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("neuro_symptoms", match.Entry?.Id);
    }

    [Theory]
    [InlineData("I've been unsteady on my feet for a month and my toes go numb when I walk far. I don't eat meat. Should I just start giving myself B12 shots?")]
    [InlineData("my hands keep going numb when i knit and i feel off balance, been about six weeks. i'm vegetarian. can i just start b12 injections on my own?")]
    public void Nerve_symptoms_told_in_a_statement_with_a_when_are_still_a_story(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Contains("neuro_symptoms", new[] { match.Entry?.Id, match.Also?.Id });
    }
}
