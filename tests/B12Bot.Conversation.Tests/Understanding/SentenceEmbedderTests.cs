using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.Conversation.Tests.Understanding;

public sealed class SentenceEmbedderTests(SentenceEmbedderFixture fixture) : IClassFixture<SentenceEmbedderFixture>
{
    private MiniLmSentenceEmbedder Embedder => fixture.Embedder;

    [Fact]
    public async Task A_message_becomes_a_unit_vector_of_the_model_width()
    {
        var vector = await Embedder.EmbedAsync("How often do I need a B12 injection?");

        Assert.Equal(384, Embedder.Dimensions);
        Assert.Equal(Embedder.Dimensions, vector.Length);
        Assert.Equal(1.0, Norm(vector.Span), 3);
    }

    [Fact]
    public async Task The_same_text_gets_the_same_vector_every_time_and_on_both_paths()
    {
        const string text = "can i drink alcohol after my b12 shot";

        var first = await Embedder.EmbedAsync(text);
        var again = await Embedder.EmbedAsync(text);
        var batched = Embedder.EmbedBatch([text, "something else entirely"]);

        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.Equal(1.0, Cosine(first.Span, batched[0]), 4);
    }

    [Fact]
    public async Task Paraphrases_are_closer_than_unrelated_messages()
    {
        var question = await Embedder.EmbedAsync("How often should I get my B12 injections?");
        var paraphrase = await Embedder.EmbedAsync("how frequently do i need the b12 shot");
        var unrelated = await Embedder.EmbedAsync("What time does the pharmacy car park close on Sundays?");

        var close = Cosine(question.Span, paraphrase.Span);
        var far = Cosine(question.Span, unrelated.Span);

        Assert.True(close > 0.6, $"paraphrase cosine {close:0.000}");
        Assert.True(close > far + 0.3, $"paraphrase {close:0.000} vs unrelated {far:0.000}");
    }

    [Fact]
    public async Task Messages_differing_only_in_case_spacing_accents_or_curly_quotes_share_a_vector()
    {
        var plain = await Embedder.EmbedAsync("don't the shots hurt? cafe");
        var styled = await Embedder.EmbedAsync("  Don\u2019t   the\tSHOTS\r\nhurt?  Caf\u00E9 ");

        Assert.Equal(1.0, Cosine(plain.Span, styled.Span), 4);
    }

    [Fact]
    public async Task Concurrent_calls_each_get_the_vector_of_their_own_text()
    {
        // Long messages among short ones: the worker splits what is waiting into calls of bounded size.
        var story = string.Concat(Enumerable.Repeat("my arm was sore for days after the last one and ", 12));
        var texts = Enumerable.Range(0, 48)
            .Select(i => (i % 3) switch
            {
                0 => $"question {i}: does the b12 injection hurt in my arm",
                1 => $"message {i}: my cat likes to sleep on the sofa",
                _ => $"{story} is that normal, asks visitor {i}",
            })
            .ToArray();
        var expected = Embedder.EmbedBatch(texts);

        var concurrent = await Task.WhenAll(texts.Select(t => Task.Run(async () => await Embedder.EmbedAsync(t))));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, Cosine(concurrent[i].Span, expected[i]), 4);
        }
    }

    [Fact]
    public async Task A_cancelled_call_ends_with_cancellation_and_the_service_keeps_working()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Embedder.EmbedAsync("a question nobody waits for", cancelled.Token));
        var after = await Embedder.EmbedAsync("is b12 safe in pregnancy");

        Assert.Equal(1.0, Norm(after.Span), 3);
    }

    [Fact]
    public async Task Calls_cancelled_while_queued_end_with_cancellation_and_the_others_are_answered()
    {
        using var cancellation = new CancellationTokenSource();
        var calls = Enumerable.Range(0, 64)
            .Select(i => Embedder.EmbedAsync($"queued message number {i} about b12 tiredness and a long story first", i % 2 == 0 ? cancellation.Token : default).AsTask())
            .ToArray();
        await cancellation.CancelAsync();

        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                return (await call).Length;
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
        }));

        Assert.All(outcomes.Where((_, i) => i % 2 == 1), length => Assert.Equal(384, length));
        Assert.All(outcomes.Where((_, i) => i % 2 == 0), length => Assert.True(length is 384 or -1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\r\n ")]
    [InlineData("\u0000\u0007\u200B\u200D\uFEFF")]
    [InlineData("\uD83D\uDE00\uD83D\uDC89\uD83E\uDE78 b12 \uD83D\uDE4F")]
    [InlineData("\uD800 lone surrogate \uDC00")]
    [InlineData("Ｂ１２ ｓｈｏｔ ﬁne？")]
    [InlineData("Ist die B12-Spritze schmerzhaft? Ça fait mal ? ¿Duele la inyección? 注射は痛いですか")]
    [InlineData("supercalifragilisticexpialidocious-antidisestablishmentarianism-pneumonoultramicroscopicsilicovolcanoconiosis")]
    public async Task Odd_text_gets_a_unit_vector_without_error(string text)
    {
        var vector = await Embedder.EmbedAsync(text);
        var batched = Embedder.EmbedBatch([text]);

        Assert.Equal(1.0, Norm(vector.Span), 3);
        Assert.Equal(1.0, Cosine(vector.Span, batched[0]), 4);
    }

    [Fact]
    public async Task A_huge_message_is_bounded_work_and_its_closing_question_still_counts()
    {
        var story = string.Concat(Enumerable.Repeat("I went to the shops yesterday and the weather was grey and cold. ", 20_000));
        var huge = story + "How often do I need a B12 injection?";

        var vector = await Embedder.EmbedAsync(huge);
        var question = await Embedder.EmbedAsync("How often do I need a B12 injection?");
        var weather = await Embedder.EmbedAsync("I went to the shops yesterday and the weather was grey and cold.");

        Assert.Equal(1.0, Norm(vector.Span), 3);
        Assert.True(Cosine(vector.Span, question.Span) > 0.3, $"closing question cosine {Cosine(vector.Span, question.Span):0.000}");
        Assert.True(Cosine(vector.Span, weather.Span) < 0.99);
    }

    [Fact]
    public void A_batch_keeps_the_order_of_its_texts_and_an_empty_batch_is_empty()
    {
        string[] texts = ["does the injection hurt", "my dog barks at night", "where does the shot go in the arm"];

        var vectors = Embedder.EmbedBatch(texts);
        var reversed = Embedder.EmbedBatch(texts.Reverse().ToArray());

        Assert.Empty(Embedder.EmbedBatch([]));
        Assert.Equal(3, vectors.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, Cosine(vectors[i], reversed[texts.Length - 1 - i]), 4);
        }
    }

    [Fact]
    public async Task Null_text_is_a_clear_argument_error()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Embedder.EmbedAsync(null!));
        Assert.Throws<ArgumentException>(() => Embedder.EmbedBatch(["fine", null!]));
    }

    [Fact]
    public async Task A_disposed_embedder_refuses_work_clearly_and_disposing_twice_is_harmless()
    {
        var embedder = new MiniLmSentenceEmbedder(new SentenceEmbedderOptions(), NullLogger<MiniLmSentenceEmbedder>.Instance);
        await embedder.Loaded;

        embedder.Dispose();
        embedder.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await embedder.EmbedAsync("hello"));
        Assert.Throws<ObjectDisposedException>(() => embedder.EmbedBatch(["hello"]));
    }

    [Fact]
    public async Task The_services_extension_registers_one_shared_embedder_the_container_disposes()
    {
        var services = new ServiceCollection().AddSentenceEmbedder(new SentenceEmbedderOptions { MaxBatchSize = 8 });
        ISentenceEmbedder embedder;
        await using (var provider = services.BuildServiceProvider())
        {
            embedder = provider.GetRequiredService<ISentenceEmbedder>();
            Assert.Same(embedder, provider.GetRequiredService<MiniLmSentenceEmbedder>());
            Assert.Equal(384, (await embedder.EmbedAsync("b12 and folic acid")).Length);
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await embedder.EmbedAsync("after the host stopped"));
    }

    [Fact]
    public void Settings_outside_the_model_limits_are_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSentenceEmbedder(new SentenceEmbedderOptions { MaxTokens = 4096 }));

        Assert.Contains("MaxTokens", error.Message);
    }

    private static double Norm(ReadOnlySpan<float> vector) => Math.Sqrt(Dot(vector, vector));

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Dot(a, b) / (Norm(a) * Norm(b));

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
