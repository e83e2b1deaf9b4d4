using B12Bot.Conversation.Tests.Support;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Tests.Text;

/// <summary>
/// language.yaml's spoken_forms as the clinic wrote them: what voice typing makes of "B12" is read as "b12", and "be"
/// stays a verb where the words around it make it one.
/// </summary>
public sealed class SpokenFormRewriterTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private readonly SpokenFormRewriter Rewriter = new(fixture.Content.Language.SpokenForms);

    [Theory]
    [InlineData("um so are the be twelve injections ok for me", "um so are the b12 injections ok for me")]
    [InlineData("is B Twelve good for energy", "is b12 good for energy")]
    [InlineData("my bee-twelve level came back low", "my b12 level came back low")]
    [InlineData("do b twelve shuts hurt", "do b12 shots hurt")]
    [InlineData("had my first be twelve shut today", "had my first b12 shot today")]
    [InlineData("what does vitamin be 12 do", "what does vitamin b12 do")]
    // "be" after "will", but the shots follow: the vitamin, not the verb
    [InlineData("how soon will be twelve shots work", "how soon will b12 shots work")]
    public void What_voice_typing_makes_of_b12_is_written_b12(string dictated, string read)
    {
        Assert.Equal(read, Rewriter.Rewrite(dictated));
    }

    [Theory]
    [InlineData("my son will be twelve in june, can he have the jab")]
    [InlineData("she'll be 12 next week")]
    [InlineData("it must be twelve weeks since my last one")]
    [InlineData("is it ok to be 12 weeks pregnant and get one")]
    [InlineData("maybe twelve of them")]
    [InlineData("the shot will be given in my arm")]
    public void Be_as_a_verb_and_words_that_only_contain_the_letters_are_left_as_they_are(string text)
    {
        Assert.Same(text, Rewriter.Rewrite(text));
    }

    [Fact]
    public void A_long_text_without_spoken_forms_is_returned_unchanged()
    {
        var text = string.Concat(Enumerable.Repeat("be brave and be kind ", 3_000));

        Assert.Same(text, Rewriter.Rewrite(text));
    }
}
