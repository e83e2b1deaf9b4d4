namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Turns text into a sentence embedding: a unit-length (L2-normalised) vector, so the dot product of two embeddings is
/// their cosine similarity. The model is loaded once at start; nothing is downloaded at run time.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>The length of every vector this embedder returns.</summary>
    int Dimensions { get; }

    /// <summary>
    /// Names the model and every setting that changes its vectors: two embedders with the same identity give the same
    /// vector for the same <see cref="ModelInput"/> (what saved vectors are checked against).
    /// </summary>
    string ModelIdentity { get; }

    /// <summary>The text exactly as the model reads it (texts with the same model input share a vector).</summary>
    string ModelInput(string text);

    /// <summary>
    /// Embeds one message. Concurrent calls are gathered into one model call, so use this on the turn path. The memory
    /// returned is shared with a cache of recent messages: read it, never write to it.
    /// </summary>
    ValueTask<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// Embeds many texts at once on the calling thread (content at start-up), in model batches; waits for the model to
    /// finish loading. The result has one vector per text, in order.
    /// </summary>
    IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts);
}
