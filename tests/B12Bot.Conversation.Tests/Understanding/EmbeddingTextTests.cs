using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Tests.Understanding;

public sealed class EmbeddingTextTests(SentenceEmbedderFixture fixture) : IClassFixture<SentenceEmbedderFixture>
{
    [Fact]
    public void A_lone_surrogate_is_dropped_instead_of_failing_normalisation()
    {
        // Built in code: test runners re-encode odd strings in theory data as UTF-8, which turns them into U+FFFD.
        const char high = '\uD83D', low = '\uDE00';
        var cases = new (string Broken, string Clean)[]
        {
            ("does the shot hurt " + high, "does the shot hurt"),
            (low + "does the shot hurt", "does the shot hurt"),
            ("does the " + low + high + " shot hurt", "does the shot hurt"),
        };

        foreach (var (broken, clean) in cases)
        {
            Assert.Contains(broken, char.IsSurrogate);
            Assert.Equal(EmbeddingText.Prepare(clean, 1000), EmbeddingText.Prepare(broken, 1000));
        }
    }

    [Fact]
    public void A_whole_surrogate_pair_is_kept()
    {
        Assert.Equal("sore arm \uD83D\uDE22", EmbeddingText.Prepare("sore arm \uD83D\uDE22", 1000));
    }

    [Fact]
    public async Task A_message_cut_inside_an_emoji_is_embedded_like_the_same_message_without_it()
    {
        var broken = await fixture.Embedder.EmbedAsync("can i shower after my b12 shot " + '\uD83D');
        var clean = await fixture.Embedder.EmbedAsync("can i shower after my b12 shot");

        Assert.Equal(clean.ToArray(), broken.ToArray());
    }
}
