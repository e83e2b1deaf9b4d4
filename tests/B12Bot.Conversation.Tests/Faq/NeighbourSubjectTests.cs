using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Questions next door to B12. Folate and the size of red cells are subjects the content speaks of only beside B12
/// (dialogs/language.yaml neighbour_words): a question about one of them alone, after a B12 story or not, gets the scope
/// statement, while a question about it and B12 together is answered. And a message that names B12 and nothing the word lists know is no
/// longer in scope by that alone: an animal's B12 shots read closer to a question the bot does not answer than to any
/// B12 topic. The first three got a B12 answer before (diet, folic acid, dosing schedule).
/// </summary>
public sealed class NeighbourSubjectTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("My B12 was normal but my folate is low. Which foods should I eat more of to raise my folate?")]
    [InlineData("the b12 nurse said my folate is a bit low too, how much folic acid should i take a day?")]
    [InlineData("our cat was diagnosed with low b12 by the vet, how many cobalamin shots do cats usually need?")]
    [InlineData("my horse gets b12 jabs from the vet, how often should horses have them?")]
    // The size of red cells on a blood count is a neighbour too: low B12 is one cause of large ones among several.
    [InlineData("b12 is fine on my bloods but the mean cell volume is up. what else can cause macrocytosis?")]
    // Thyroid, iron and coeliac disease are named by the content only as other causes (neighbour_conditions): asking
    // for their own signs, with no B12 in the question, is about them.
    [InlineData("i'm on b12 shots and my nurse thinks my thyroid could be underactive. what are the signs of that?")]
    [InlineData("my b12 jabs are going fine. how would i know if i'm iron deficient as well?")]
    [InlineData("b12 was ok so now they're looking at coeliac. what are the usual symptoms of coeliac disease in adults?")]
    // Or for their test.
    [InlineData("my b12 levels are back to normal after the jabs. my gp now wonders about my thyroid, which blood test do they use for it?")]
    [InlineData("b12 injections have helped loads. is there a test that shows if i'm short of iron?")]
    [InlineData("my b12 came back fine so the nurse thinks my thyroid might be slow. how do they test for that?")]
    [InlineData("i've had b12 jabs for a year. my sister has coeliac disease and now i'm wondering about it. which blood test would pick that up?")]
    public void A_question_next_door_to_b12_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Theory]
    [InlineData("is folic acid ok to take with my b12 jabs?", "folic_acid")]
    // "low b12" is read as a deficiency: the question still names B12.
    [InlineData("can folic acid hide low b12?", "folic_acid")]
    [InlineData("my b12 is low what now", "next_steps")]
    [InlineData("could my high mcv be from low b12?", "high_b12_result")]
    // Asked about tiredness, or beside B12, the same conditions are the content's other causes.
    [InlineData("can low iron or a slow thyroid make you this tired?", "other_causes")]
    [InlineData("are the symptoms of low iron the same as low b12?", "other_causes")]
    [InlineData("which blood tests show low b12?", "labs")]
    public void The_same_subjects_asked_with_b12_are_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }
}
