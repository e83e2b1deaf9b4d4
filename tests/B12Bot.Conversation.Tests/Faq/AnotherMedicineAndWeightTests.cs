using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 32's second look gave one B12 answer to an out-of-scope question: "My husband is on metformin and also gets
/// B12 shots here. Does metformin make you lose weight?" had the medicines answer. Whether metformin or an acid reducer
/// makes one lose weight asks about that medicine, as its side effects and dose do; asked beside B12 it stays the
/// content's.
/// </summary>
public sealed class AnotherMedicineAndWeightTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the medicines answer on 04e9826
    [InlineData("my mum has b12 injections and takes metformin. will the metformin make her lose weight?")]
    [InlineData("i'm on b12 jabs for pernicious anaemia. can omeprazole cause weight loss?")]
    public void Whether_another_medicine_makes_one_lose_weight_gets_the_scope_statement(string text)
    {
        Assert.Equal(FaqMatchKind.OutOfScope, fixture.Match(text).Kind);
    }

    [Theory]
    [InlineData("can metformin lower my b12 and make me lose weight", "medications")]
    [InlineData("can b12 shots help me lose weight while on metformin", "energy_weight_loss")]
    public void Weight_asked_beside_b12_keeps_its_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }
}
