namespace B12Bot.Conversation.Understanding;

/// <summary>Tuning of the sentence-embedding service (appsettings section <see cref="SectionName"/>).</summary>
public sealed class SentenceEmbedderOptions
{
    public const string SectionName = "SentenceEmbedder";

    /// <summary>
    /// Which build of the model runs: int8 (the default: faster, smaller) or the package's fp32. The content embeddings
    /// (dialogs/content-embeddings.bin) are saved for one of them; with the other, a start computes them all (slower).
    /// </summary>
    public SentenceEmbeddingModel Model { get; set; } = SentenceEmbeddingModel.Int8;

    /// <summary>
    /// Word pieces the model reads per text, [CLS] and [SEP] included. A longer message keeps its beginning and, above
    /// all, its end (patients tell the story first and ask last). Attention cost grows with the square of this.
    /// </summary>
    public int MaxTokens { get; set; } = 128;

    /// <summary>Characters of a message kept before tokenising (beginning and end), so a huge message is bounded work.</summary>
    public int MaxCharacters { get; set; } = 1_000;

    /// <summary>
    /// Most messages waiting that one worker takes at a time, embedded in model calls of texts of similar length (see
    /// <see cref="MaxBatchTokens"/>): a shared call costs less per message than one call each.
    /// </summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// Most word pieces in one model call, padding included (texts × the longest): bounds the memory one call takes,
    /// so a burst of long messages is embedded in several calls instead of one large one.
    /// </summary>
    public int MaxBatchTokens { get; set; } = 1_536;

    /// <summary>Recent message embeddings kept for repeated questions (0 turns the cache off).</summary>
    public int CacheCapacity { get; set; } = 2_048;

    /// <summary>
    /// Threads one model call may use. One: cores are used by running calls side by side (<see cref="ConcurrentCalls"/>),
    /// which costs no synchronisation, rather than by splitting one call over cores.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Model calls that run at the same time, each on a dedicated thread of its own: with one thread per call, this is
    /// how many cores the model may use under load (a lone message still gets a call at once).
    /// </summary>
    public int ConcurrentCalls { get; set; } = 2;

    /// <summary>
    /// The cascade: read each message first with static word-piece vectors distilled from the same model (microseconds)
    /// and run the model only for messages that reading leaves undecided (the band fitted into
    /// dialogs/understanding-model.json). Off: every free-text message goes to the model.
    /// </summary>
    public bool Cascade { get; set; } = true;

    /// <summary>Most messages waiting for the model before callers wait to enqueue (bounded memory under overload).</summary>
    public int QueueCapacity { get; set; } = 4_096;

    internal void Validate()
    {
        if (!Enum.IsDefined(Model))
        {
            throw new InvalidOperationException($"{SectionName}:Model must be Int8 or Fp32; it is {Model}.");
        }

        if (MaxTokens is < 8 or > 512)
        {
            throw new InvalidOperationException($"{SectionName}:MaxTokens must be between 8 and 512 (the model's positions); it is {MaxTokens}.");
        }

        if (MaxCharacters < 16)
        {
            throw new InvalidOperationException($"{SectionName}:MaxCharacters must be at least 16; it is {MaxCharacters}.");
        }

        if (MaxBatchTokens < MaxTokens)
        {
            throw new InvalidOperationException($"{SectionName}:MaxBatchTokens ({MaxBatchTokens}) must be at least MaxTokens ({MaxTokens}).");
        }

        if (MaxBatchSize < 1 || IntraOpThreads < 1 || QueueCapacity < 1 || CacheCapacity < 0 || ConcurrentCalls is < 1 or > 64)
        {
            throw new InvalidOperationException($"{SectionName}: MaxBatchSize, IntraOpThreads and QueueCapacity must be at least 1, ConcurrentCalls between 1 and 64 and CacheCapacity at least 0.");
        }
    }
}
