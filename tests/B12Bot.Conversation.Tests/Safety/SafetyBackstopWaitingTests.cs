using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// How long a visitor waits for the backstop: every text it has the model read for one message (the whole text and
/// each clause near a crisis example) is handed to the embedder before it waits for any of them, so the message waits
/// for one model call, not one after another.
/// </summary>
public sealed class SafetyBackstopWaitingTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Fact]
    public async Task A_story_of_several_clauses_hands_every_clause_to_the_model_before_waiting_for_one()
    {
        var embedder = new HeldEmbedder(ContentFixture.Embedder);
        var matcher = new FaqMatcher(fixture.Content, embedder, fixture.Model, fixture.SavedEmbeddings, StaticSentenceEmbedder.Instance);
        var backstop = new SafetyBackstop(fixture.Content.Safety.Backstop, matcher, embedder, fixture.SavedEmbeddings, StaticSentenceEmbedder.Instance);
        const string said = "I feel so low and tired all the time, I can't sleep, can b12 give you energy";
        var clauses = backstop.ClausesToCompare(said);
        Assert.True(clauses.Count >= 2, $"the story should have clauses near a crisis example: {clauses.Count}");

        var screening = backstop.ScreenAsync(said).AsTask();
        var requested = embedder.Requested;
        embedder.Release();

        Assert.All(clauses, clause => Assert.Contains(clause, requested));
        Assert.True((await screening).IsNone);
    }

    /// <summary>The real embedder, with every answer held back until the test releases them.</summary>
    private sealed class HeldEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> requested = [];

        public IReadOnlyList<string> Requested
        {
            get
            {
                lock (requested)
                {
                    return [.. requested];
                }
            }
        }

        public int Dimensions => inner.Dimensions;

        public string ModelIdentity => inner.ModelIdentity;

        public string ModelInput(string text) => inner.ModelInput(text);

        public void Release() => released.TrySetResult();

        public async ValueTask<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken = default)
        {
            lock (requested)
            {
                requested.Add(text);
            }

            await released.Task.ConfigureAwait(false);
            return await inner.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        }

        public IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts) => inner.EmbedBatch(texts);
    }
}
