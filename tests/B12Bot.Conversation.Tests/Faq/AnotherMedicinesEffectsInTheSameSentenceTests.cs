using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Left at the end of session 33: "I'm on B12 injections since January. Also my doctor gave prednisolone for a skin rash,
/// what side effects should I watch for?" had the side-effects answer, a confident B12 answer to a question about another
/// medicine. Effects asked right after another medicine, in the same sentence, are that medicine's; asked in a sentence
/// of their own after a story of the shot, they stay the shot's.
/// </summary>
public sealed class AnotherMedicinesEffectsInTheSameSentenceTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the side-effects answer on c167f92
    [InlineData("had my b12 injection last month. the gp gave me doxycycline for a chest infection, what are the common side effects?")]
    // already the scope statement on c167f92
    [InlineData("I get B12 shots at your clinic. My nurse put me on naproxen for my knee, what side effects might I notice?")]
    public void Effects_asked_right_after_another_medicine_get_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Theory]
    [InlineData("Had my b12 injection yesterday and my arm is sore and hot. I'm also taking ibuprofen for my back. How long will these side effects last?", "side_effects_duration")]
    [InlineData("I'm on b12 jabs and they gave me a new inhaler for asthma. what side effects do b12 shots have?", "side_effects")]
    public void Effects_of_the_shot_asked_after_another_medicine_keep_their_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }
}
