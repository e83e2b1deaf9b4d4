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
    public void Nerve_symptoms_told_before_a_next_steps_question_get_the_nerve_symptoms_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("neuro_symptoms", match.Entry?.Id);
    }
}
