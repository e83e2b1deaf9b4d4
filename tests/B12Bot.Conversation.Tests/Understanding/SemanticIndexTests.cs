using System.Numerics.Tensors;
using B12Bot.Conversation.Tests.Support;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Tests.Understanding;

/// <summary>
/// The index's cosines, on the shipped content with the static embedder (no model): a message's evidence is each
/// intent's closest phrasing and its answer, and a story's two readings scored together are the closer of each alone.
/// The index holds its rows as bfloat16, so its cosines are those of the float vectors to within <see cref="Tolerance"/>.
/// </summary>
public sealed class SemanticIndexTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    // bfloat16 keeps 8 significant bits: each element is off by at most 1/512 of itself, and over 384 dimensions of two
    // unit vectors the errors mostly cancel (about 6e-5 typical).
    private const double Tolerance = 5e-4;

    private static StaticSentenceEmbedder Embedder => StaticSentenceEmbedder.Instance;

    [Fact]
    public void Each_intent_gets_the_cosine_of_its_closest_phrasing_and_of_its_answer()
    {
        var catalog = IntentCatalog.FromContent(fixture.Content);
        var texts = SemanticIndex.Texts(catalog);
        var vectors = Embedder.EmbedBatch(texts);
        var index = new SemanticIndex(catalog, _ => vectors);
        var message = Embedder.Embed("my arm is a bit sore since the jab, is that normal?");

        var evidence = index.Score(message);

        var row = 0;
        for (var i = 0; i < catalog.Count; i++)
        {
            var rows = catalog.Intents[i].Phrasings.Count + catalog.Intents[i].Examples.Count + 1;
            var closest = Enumerable.Range(row, rows).Max(r => TensorPrimitives.Dot(message, vectors[r]));
            Assert.Equal(closest, evidence.Phrasing[i], Tolerance);
            row += rows;
        }

        for (var i = 0; i < catalog.Count; i++)
        {
            Assert.Equal(TensorPrimitives.Dot(message, vectors[row + i]), evidence.Answer[i], Tolerance);
        }
    }

    [Fact]
    public void The_out_of_scope_evidence_is_the_cosine_of_the_closest_question_about_another_subject()
    {
        var catalog = IntentCatalog.FromContent(fixture.Content);
        var texts = SemanticIndex.Texts(catalog);
        var vectors = Embedder.EmbedBatch(texts);
        var index = new SemanticIndex(catalog, _ => vectors);
        var message = Embedder.Embed("which foods are richest in iron for a vegetarian?");
        var first = texts.Count - catalog.OutOfScopeExamples.Count;

        var evidence = index.Score(message);

        Assert.NotEmpty(catalog.OutOfScopeExamples);
        Assert.Equal(catalog.OutOfScopeExamples, texts.Skip(first));
        Assert.Equal(Enumerable.Range(first, catalog.OutOfScopeExamples.Count).Max(r => TensorPrimitives.Dot(message, vectors[r])), evidence.OutOfScope, Tolerance);
        Assert.True(evidence.OutOfScope > evidence.Phrasing.Max(), "an iron-foods question is nearer the iron-foods examples than any B12 phrasing");
    }

    [Theory]
    [InlineData("I'm vegan and I get pins and needles in my feet. how often do I need the b12 shot", "how often do I need the b12 shot")]
    [InlineData("my GP said my levels are low, what does b12 even do in the body", "what does b12 even do in the body")]
    [InlineData("zzz qqq", "")]
    public void A_story_and_its_question_scored_together_are_per_intent_the_closer_of_each_scored_alone(string whole, string question)
    {
        var index = new SemanticIndex(IntentCatalog.FromContent(fixture.Content), Embedder.EmbedBatch);
        var wholeVector = Embedder.Embed(whole);
        var questionVector = Embedder.Embed(question);

        var together = index.ScoreCloser(wholeVector, questionVector);
        var apart = index.Score(wholeVector).CloserOf(index.Score(questionVector));

        Assert.Equal(apart.Phrasing, together.Phrasing);
        Assert.Equal(apart.Answer, together.Answer);
        Assert.Equal(apart.OutOfScope, together.OutOfScope);
    }
}
