using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.Conversation.Tests.Understanding;

/// <summary>
/// Messages of concurrent turns share model calls (the int8 model scales each word piece's activations on its own): a
/// message must get the vector it gets alone, whatever else and however much padding shares its call, so sharing
/// never changes an answer.
/// </summary>
public sealed class BatchedEmbeddingTests
{
    /// <summary>Largest difference allowed in any component of a unit vector: float rounding, far below what moves a cosine score.</summary>
    private const float Rounding = 1e-5f;

    private static readonly string Story = string.Concat(Enumerable.Repeat("my arm was sore for days after the last one and I was worried so ", 10));

    private static readonly string[] Texts =
    [
        "does it hurt",
        "can i drink alcohol after my b12 shot",
        Story + "is that normal?",
        "how often do I need the injection if I have pernicious anaemia",
        "ok",
        "\uD83D\uDE00\uD83D\uDC89 b12 \uD83D\uDE4F",
        "Ist die B12-Spritze schmerzhaft? ¿Duele la inyección?",
        "my cat likes to sleep on the sofa",
    ];

    [Fact]
    public void A_text_gets_the_vector_it_gets_alone_whatever_shares_its_model_call()
    {
        using var model = new MiniLmModel(new SentenceEmbedderOptions());
        var tokenized = Texts.Select(model.Tokenize).ToArray();
        var alone = tokenized.Select(ids => model.Embed([ids])[0]).ToArray();

        // One call with everything (the story pads every short text to its length), and the reversed order.
        var together = model.Embed(tokenized);
        var reversed = model.Embed([.. tokenized.Reverse()]);

        for (var i = 0; i < Texts.Length; i++)
        {
            AssertSameVector(alone[i], together[i]);
            AssertSameVector(alone[i], reversed[Texts.Length - 1 - i]);
        }
    }

    [Fact]
    public async Task Concurrent_messages_in_small_bounded_calls_each_get_their_vector_alone()
    {
        var options = new SentenceEmbedderOptions { CacheCapacity = 0, MaxBatchSize = 3, MaxBatchTokens = 128, ConcurrentCalls = 2 };
        using var model = new MiniLmModel(options);
        using var embedder = new MiniLmSentenceEmbedder(options, NullLogger<MiniLmSentenceEmbedder>.Instance);
        var burst = Enumerable.Range(0, 60).Select(i => $"{Texts[i % Texts.Length]} ({i})").ToArray();
        var alone = burst.Select(text => model.Embed([model.Tokenize(text)])[0]).ToArray();

        var shared = await Task.WhenAll(burst.Select(text => Task.Run(async () => await embedder.EmbedAsync(text))));

        for (var i = 0; i < burst.Length; i++)
        {
            AssertSameVector(alone[i], shared[i].ToArray());
        }
    }

    [Fact]
    public async Task A_lone_message_is_answered_without_waiting_for_batch_mates()
    {
        using var embedder = new MiniLmSentenceEmbedder(new SentenceEmbedderOptions { CacheCapacity = 0, MaxBatchSize = 32, ConcurrentCalls = 1 }, NullLogger<MiniLmSentenceEmbedder>.Instance);
        await embedder.Loaded;

        // Nothing else is sent: a batcher that waited for its batch to fill (or for more messages) would never answer.
        var vector = await embedder.EmbedAsync("where does the needle go").AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(384, vector.Length);
    }

    [Fact]
    public async Task Callers_that_give_up_leave_their_batch_mates_with_the_right_vectors()
    {
        var options = new SentenceEmbedderOptions { CacheCapacity = 0, MaxBatchSize = 8, ConcurrentCalls = 1 };
        using var model = new MiniLmModel(options);
        using var embedder = new MiniLmSentenceEmbedder(options, NullLogger<MiniLmSentenceEmbedder>.Instance);
        await embedder.Loaded;
        using var giveUp = new CancellationTokenSource();
        var burst = Enumerable.Range(0, 40).Select(i => $"{Texts[i % Texts.Length]} [{i}]").ToArray();

        var calls = burst.Select((text, i) => embedder.EmbedAsync(text, i % 3 == 0 ? giveUp.Token : default).AsTask()).ToArray();
        await giveUp.CancelAsync();

        for (var i = 0; i < burst.Length; i++)
        {
            if (i % 3 == 0)
            {
                // Either answered before the cancellation reached it, or cancelled: never a wrong vector or another error.
                try
                {
                    AssertSameVector(model.Embed([model.Tokenize(burst[i])])[0], (await calls[i]).ToArray());
                }
                catch (OperationCanceledException)
                {
                }
            }
            else
            {
                AssertSameVector(model.Embed([model.Tokenize(burst[i])])[0], (await calls[i]).ToArray());
            }
        }
    }

    private static void AssertSameVector(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0f;
        for (var d = 0; d < expected.Length; d++)
        {
            worst = Math.Max(worst, Math.Abs(expected[d] - actual[d]));
        }

        Assert.True(worst <= Rounding, $"a component differs by {worst} from the vector the text gets alone");
    }
}
