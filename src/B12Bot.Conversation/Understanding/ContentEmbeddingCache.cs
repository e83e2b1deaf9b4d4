using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The sentence embeddings of the content's texts, saved beside the content (dialogs/content-embeddings.bin) so a start
/// does not spend seconds of model time recomputing them. Each vector is filed under the SHA-256 of its text exactly as
/// the model reads it, and the whole file under the embedder's model identity: a vector is used only for the very text
/// and model it was computed from. A text the file lacks (the clinic edited a phrasing) is computed at start, so a stale
/// or missing file costs time, never correctness; a file of another model or a damaged one is ignored as a whole.
/// Written by <c>dotnet run --project build/B12Bot.ContentEmbeddings</c>; a test fails when it is stale.
/// </summary>
public sealed class ContentEmbeddingCache
{
    public const string FileName = "content-embeddings.bin";

    // Format: magic, the model identity (length-prefixed UTF-8), dimensions, count, then count × (SHA-256, vector).
    private static readonly byte[] Magic = "B12EMB01"u8.ToArray();
    private const int KeyLength = SHA256.HashSizeInBytes;

    private readonly ISentenceEmbedder embedder;
    private readonly Dictionary<string, float[]> vectors;

    private ContentEmbeddingCache(ISentenceEmbedder embedder, Dictionary<string, float[]> vectors, string? problem)
    {
        this.embedder = embedder;
        this.vectors = vectors;
        Problem = problem;
    }

    /// <summary>Why the file could not be used at all (missing, another model, damaged), or null when it could.</summary>
    public string? Problem { get; }

    /// <summary>Vectors the file holds.</summary>
    public int Count => vectors.Count;

    /// <summary>Texts <see cref="Embed"/> found in the file, and texts it had to compute (over every call: the FAQ's and the safety backstop's).</summary>
    public int Hits { get; private set; }

    public int Computed { get; private set; }

    /// <summary>A cache that holds nothing: every text is computed.</summary>
    public static ContentEmbeddingCache Empty(ISentenceEmbedder embedder) =>
        new(embedder ?? throw new ArgumentNullException(nameof(embedder)), new(StringComparer.Ordinal), null);

    /// <summary>Reads the file; never throws for its contents (a missing, foreign or damaged file leaves the cache empty).</summary>
    public static ContentEmbeddingCache Load(string path, ISentenceEmbedder embedder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(embedder);
        if (!File.Exists(path))
        {
            return new(embedder, new(StringComparer.Ordinal), $"{path} does not exist");
        }

        try
        {
            var (identity, read) = Read(File.ReadAllBytes(path), embedder.Dimensions);
            return identity == embedder.ModelIdentity
                ? new(embedder, read, null)
                : new(embedder, new(StringComparer.Ordinal), $"{path} holds vectors of another model ({identity})");
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return new(embedder, new(StringComparer.Ordinal), $"{path} cannot be used: {e.Message}");
        }
    }

    /// <summary>One vector per text, in order: from the file where it has the text, the rest computed in one batch.</summary>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (vectors.TryGetValue(KeyOf(texts[i]), out var vector))
            {
                result[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var computed = embedder.EmbedBatch([.. missing.Select(i => texts[i])]);
            for (var m = 0; m < missing.Count; m++)
            {
                result[missing[m]] = computed[m];
            }
        }

        Hits += texts.Count - missing.Count;
        Computed += missing.Count;
        return result;
    }

    /// <summary>Computes every text's vector with <paramref name="embedder"/> and writes the file (the build step).</summary>
    public static void Write(string path, ISentenceEmbedder embedder, IReadOnlyList<string> texts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(texts);
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            entries.TryAdd(KeyOf(embedder, text), text);
        }

        // Sorted by key and computed in one batch: the same content and model give the same file.
        var computed = embedder.EmbedBatch([.. entries.Values]);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(embedder.ModelIdentity);
            writer.Write(embedder.Dimensions);
            writer.Write(entries.Count);
            var index = 0;
            foreach (var key in entries.Keys)
            {
                writer.Write(Convert.FromHexString(key));
                writer.Write(MemoryMarshal.AsBytes(computed[index++].AsSpan()));
            }
        }

        File.WriteAllBytes(path, stream.ToArray());
    }

    /// <summary>The texts of <paramref name="texts"/> the file lacks (what a start would compute).</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> texts) => [.. texts.Where(text => !vectors.ContainsKey(KeyOf(text)))];

    /// <summary>The vector the file holds for <paramref name="text"/>, if any.</summary>
    public float[]? Find(string text) => vectors.GetValueOrDefault(KeyOf(text));

    private string KeyOf(string text) => KeyOf(embedder, text);

    private static string KeyOf(ISentenceEmbedder embedder, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(embedder.ModelInput(text))));

    private static (string Identity, Dictionary<string, float[]> Vectors) Read(byte[] bytes, int dimensions)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new InvalidDataException("the file is little-endian and this machine is not");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true));
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("it is not a content-embedding file of this format");
        }

        var identity = reader.ReadString();
        var width = reader.ReadInt32();
        var count = reader.ReadInt32();
        var entryLength = KeyLength + ((long)dimensions * sizeof(float));
        if (width != dimensions || count < 0 || (long)count * entryLength != bytes.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"its size does not match {count} vectors of {width} dimensions");
        }

        var vectors = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
        var position = (int)reader.BaseStream.Position;
        for (var i = 0; i < count; i++)
        {
            var key = Convert.ToHexString(bytes, position, KeyLength);
            var vector = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(position + KeyLength, dimensions * sizeof(float))).ToArray();
            foreach (var value in vector)
            {
                if (!float.IsFinite(value))
                {
                    throw new InvalidDataException($"vector {i} has a value that is not a number");
                }
            }

            vectors[key] = vector;
            position += (int)entryLength;
        }

        return (identity, vectors);
    }
}
