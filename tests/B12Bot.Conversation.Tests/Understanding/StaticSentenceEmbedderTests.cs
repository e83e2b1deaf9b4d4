using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Tests.Understanding;

public sealed class StaticSentenceEmbedderTests
{
    private static StaticSentenceEmbedder Embedder => StaticSentenceEmbedder.Instance;

    [Fact]
    public void A_message_becomes_a_unit_vector_of_the_model_width()
    {
        var vector = Embedder.Embed("How often do I need a B12 injection?");

        Assert.Equal(384, Embedder.Dimensions);
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Norm(vector), 4);
        Assert.Equal(30522, Embedder.Vocabulary);
    }

    [Fact]
    public void The_same_text_gets_the_same_vector_every_time_in_any_batch_and_on_any_thread()
    {
        const string text = "can i drink alcohol after my b12 shot";

        var first = Embedder.Embed(text);
        var batched = Embedder.EmbedBatch(["something else entirely", text]);
        var concurrent = Enumerable.Range(0, 16).AsParallel().Select(_ => Embedder.Embed(text)).ToList();

        Assert.Equal(first, Embedder.Embed(text));
        Assert.Equal(first, batched[1]);
        Assert.All(concurrent, vector => Assert.Equal(first, vector));
    }

    [Fact]
    public void Paraphrases_are_closer_than_unrelated_messages()
    {
        var question = Embedder.Embed("How often should I get my B12 injections?");
        var paraphrase = Embedder.Embed("how frequently do i need the b12 shot");
        var unrelated = Embedder.Embed("What time does the pharmacy car park close on Sundays?");

        var close = Dot(question, paraphrase);
        var far = Dot(question, unrelated);

        Assert.True(close > far + 0.1, $"paraphrase {close:0.000} vs unrelated {far:0.000}");
    }

    [Fact]
    public void Case_spacing_accents_and_curly_quotes_do_not_change_the_vector()
    {
        var plain = Embedder.Embed("don't the shots hurt? cafe");
        var styled = Embedder.Embed("  Don\u2019t   the\tSHOTS\r\nhurt?  Caf\u00E9 ");

        Assert.Equal(1.0, Dot(plain, styled), 4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_without_any_word_piece_of_meaning_gets_the_zero_vector(string text)
    {
        var vector = Embedder.Embed(text);

        Assert.Equal(384, vector.Length);
        Assert.All(vector, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void A_huge_or_broken_message_is_bounded_and_still_a_unit_vector()
    {
        var huge = string.Concat(Enumerable.Repeat("I went to the shops and the weather was grey. ", 20_000)) + "How often do I need a B12 injection?" + '\uD83D';

        var vector = Embedder.Embed(huge);

        Assert.Equal(1.0, Norm(vector), 4);
        Assert.All(vector, value => Assert.True(float.IsFinite(value)));
        Assert.Throws<ArgumentNullException>(() => Embedder.Embed(null!));
    }

    private static double Norm(float[] v) => Math.Sqrt(Dot(v, v));

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
