using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The cheap semantic stage: a static vector per word piece, distilled from all-MiniLM-L6-v2 at build time (see
/// build/B12Bot.ModelQuantizer/StaticEmbeddingDistiller.cs: each piece through the model once, centred, weighted by
/// frequency rank), embedded in this assembly. A text's vector is the normalised sum of its pieces' vectors, tokenised
/// as the model would read it: microseconds, no model run, thread-safe. The table is read in place from the assembly's
/// mapped image, so loading it costs no copy.
/// </summary>
public sealed unsafe class StaticSentenceEmbedder
{
    private const string ResourceName = "B12Bot.Conversation.all-MiniLM-L6-v2.static.bin";
    private static readonly byte[] Magic = "B12STE01"u8.ToArray();

    // Word pieces that carry no meaning of the text: padding, unknown, [CLS], [SEP], [MASK].
    private const int Padding = 0;
    private const int FirstSpecial = 100;
    private const int LastSpecial = 103;

    private static readonly Lazy<StaticSentenceEmbedder> Shared = new(() => new StaticSentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Half* table;
    private readonly int vocabulary;
    private readonly WordPieceTokenizer tokenizer = WordPieceTokenizer.Instance;

    private StaticSentenceEmbedder()
    {
        var assembly = typeof(StaticSentenceEmbedder).Assembly;
        var stream = assembly.GetManifestResourceStream(ResourceName) as UnmanagedMemoryStream
            ?? throw new InvalidOperationException($"The static embedding table {ResourceName} is missing from {assembly.GetName().Name} (it is generated at build time).");
        var start = stream.PositionPointer;
        var header = new ReadOnlySpan<byte>(start, Magic.Length + 8);
        if (!header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidOperationException($"The static embedding table {ResourceName} has an unknown format; rebuild.");
        }

        vocabulary = BinaryPrimitives.ReadInt32LittleEndian(header[Magic.Length..]);
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(header[(Magic.Length + 4)..]);
        if (dimensions != Dimensions || stream.Length != Magic.Length + 8 + ((long)vocabulary * dimensions * sizeof(ushort)))
        {
            throw new InvalidOperationException($"The static embedding table {ResourceName} does not match its header; rebuild.");
        }

        // The stream is a view of the loaded assembly, which stays mapped for the life of the process.
        table = (Half*)(start + Magic.Length + 8);
    }

    /// <summary>The one table of this process (read in place; the first call maps it).</summary>
    public static StaticSentenceEmbedder Instance => Shared.Value;

    public int Dimensions => MiniLmModel.Dimensions;

    /// <summary>Word pieces in the table.</summary>
    public int Vocabulary => vocabulary;

    /// <summary>A unit vector for <paramref name="text"/> (the zero vector when no piece carries meaning).</summary>
    public float[] Embed(string text, int maxCharacters = 1_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prepared = EmbeddingText.Prepare(text, maxCharacters);
        var vector = new float[Dimensions];
        foreach (var piece in tokenizer.Tokenize(prepared))
        {
            var id = (int)piece;
            if (id != Padding && id is not (>= FirstSpecial and <= LastSpecial) && (uint)id < (uint)vocabulary)
            {
                AddPiece(vector, table + ((long)id * Dimensions));
            }
        }

        Normalize(vector);
        return vector;
    }

    // Optimised from the first call: the content's vectors are computed at start, before tiered compilation would
    // have promoted these loops (their unoptimised code took a few hundred ms of the start's CPU). Converted and added
    // in vector registers (the same sums, element by element, as a scalar loop).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPiece(float[] vector, Half* piece)
    {
        Span<float> values = stackalloc float[vector.Length];
        TensorPrimitives.ConvertToSingle(new ReadOnlySpan<Half>(piece, vector.Length), values);
        TensorPrimitives.Add(vector, values, vector);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalize(float[] vector)
    {
        var sum = 0f;
        foreach (var value in vector)
        {
            sum += value * value;
        }

        if (sum > 0)
        {
            var scale = 1 / MathF.Sqrt(sum);
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] *= scale;
            }
        }
    }

    /// <summary>One vector per text, in order (the content at start: a few thousand texts in milliseconds).</summary>
    public IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            vectors[i] = Embed(texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts)));
        }

        return vectors;
    }
}
