using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The sentence embeddings of every intent's phrasings, title and answer, computed once at start (in one batch), and the
/// cosine of a message's embedding with each of them: per intent, its closest phrasing (or title) and its answer; and the
/// closest of the catalog's out-of-scope examples.
/// <para>
/// The vectors are kept in one contiguous matrix (phrasing rows, answer rows, then out-of-scope rows) and read a few
/// rows at a time: the scan of ~2,200 rows is bound by memory, and a story's two readings (whole text and question
/// sentence) are scored in the same pass, so the matrix is read once per message. Each row's dot product adds the same
/// terms in the same order as one row alone would, so the cosines are the same to the last bit.
/// </para>
/// </summary>
public sealed class SemanticIndex
{
    // Rows whose dot products are computed together (independent sums keep the core busy while rows load).
    private const int RowsPerStep = 4;

    private readonly float[] _matrix;
    private readonly int _dimensions;
    private readonly int _phrasingCount;
    private readonly int _rowCount;
    private readonly int[] _phrasingIntent;

    /// <param name="catalog">The intents.</param>
    /// <param name="embed">
    /// Embeds many texts at once, one unit-length vector per text (the embedder's batch method, or
    /// <see cref="ContentEmbeddingCache.Embed"/> to take saved vectors where it has them).
    /// </param>
    public SemanticIndex(IntentCatalog catalog, Func<IReadOnlyList<string>, IReadOnlyList<float[]>> embed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(embed);
        IntentCount = catalog.Count;
        var owners = new List<int>();
        for (var i = 0; i < catalog.Count; i++)
        {
            owners.AddRange(Enumerable.Repeat(i, catalog.Intents[i].Phrasings.Count + catalog.Intents[i].Examples.Count + 1));
        }

        var texts = Texts(catalog);
        var vectors = embed(texts);
        if (vectors.Count != texts.Count)
        {
            throw new InvalidOperationException($"The embedder returned {vectors.Count} vectors for {texts.Count} texts.");
        }

        _dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        _matrix = new float[vectors.Count * _dimensions];
        for (var row = 0; row < vectors.Count; row++)
        {
            if (vectors[row].Length != _dimensions)
            {
                throw new InvalidOperationException($"The embedder returned vectors of {vectors[row].Length} and {_dimensions} dimensions.");
            }

            vectors[row].CopyTo(_matrix, row * _dimensions);
        }

        _phrasingCount = owners.Count;
        _rowCount = vectors.Count;
        _phrasingIntent = [.. owners];
    }

    /// <summary>
    /// Every text the index embeds, in its order: each intent's phrasings, its examples, then its title, intent by intent; then each
    /// intent's answer (an intent without answer text, the walkthrough, is described by its title); then the out-of-scope examples.
    /// </summary>
    public static IReadOnlyList<string> Texts(IntentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var texts = new List<string>();
        foreach (var intent in catalog.Intents)
        {
            texts.AddRange(intent.Phrasings);
            texts.AddRange(intent.Examples);
            texts.Add(intent.Title);
        }

        texts.AddRange(catalog.Intents.Select(intent => intent.AnswerText ?? intent.Title));
        texts.AddRange(catalog.OutOfScopeExamples);
        return texts;
    }

    public int IntentCount { get; }

    /// <summary>The evidence of one reading of a message.</summary>
    public SemanticEvidence Score(ReadOnlySpan<float> message) => Score(message, default, readings: 1);

    /// <summary>
    /// The evidence of a message read whole and of its question sentence, per intent the closer of the two (as
    /// <see cref="SemanticEvidence.CloserOf"/> of the two readings' evidence), in one pass over the vectors.
    /// </summary>
    public SemanticEvidence ScoreCloser(ReadOnlySpan<float> whole, ReadOnlySpan<float> question) => Score(whole, question, readings: 2);

    // Optimised from the first call: the start's warm-up turn should not run the unoptimised loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SemanticEvidence Score(ReadOnlySpan<float> first, ReadOnlySpan<float> second, int readings)
    {
        var phrasing = new double[IntentCount];
        Array.Fill(phrasing, -1.0);
        var answer = new double[IntentCount];
        Array.Fill(answer, double.NegativeInfinity);
        var outOfScope = -1.0;
        var a = Padded(first);
        var b = readings == 2 ? Padded(second) : default;
        Span<float> dots = stackalloc float[RowsPerStep * 2];
        var answerEnd = _phrasingCount + IntentCount;
        var rows = _rowCount;
        for (var row = 0; row < rows; row += RowsPerStep)
        {
            var count = Math.Min(RowsPerStep, rows - row);
            if (readings == 2)
            {
                DotRows2(a, b, _matrix.AsSpan(row * _dimensions, count * _dimensions), count, dots);
            }
            else
            {
                DotRows1(a, _matrix.AsSpan(row * _dimensions, count * _dimensions), count, dots);
            }

            for (var r = 0; r < count * readings; r++)
            {
                var at = row + (r % count);
                double cosine = dots[r];
                if (at < _phrasingCount)
                {
                    var intent = _phrasingIntent[at];
                    if (cosine > phrasing[intent])
                    {
                        phrasing[intent] = cosine;
                    }
                }
                else if (at < answerEnd)
                {
                    if (cosine > answer[at - _phrasingCount])
                    {
                        answer[at - _phrasingCount] = cosine;
                    }
                }
                else if (cosine > outOfScope)
                {
                    outOfScope = cosine;
                }
            }
        }

        return new SemanticEvidence(phrasing, answer, outOfScope);
    }

    /// <summary>The message's vector at the index's width (a shorter one padded with zeros, a longer one cut, as a dot product of the shorter length would read it).</summary>
    private ReadOnlySpan<float> Padded(ReadOnlySpan<float> message)
    {
        if (message.Length == _dimensions)
        {
            return message;
        }

        var padded = new float[_dimensions];
        message[..Math.Min(message.Length, _dimensions)].CopyTo(padded);
        return padded;
    }

    /// <summary>
    /// The dot products of <paramref name="a"/> with each of <paramref name="count"/> consecutive rows, into
    /// <paramref name="dots"/>. Each row's sum runs as a lone dot product's would: vector lanes added in order, then
    /// the lanes summed, then the elements past the last whole vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DotRows1(ReadOnlySpan<float> a, ReadOnlySpan<float> rows, int count, Span<float> dots)
    {
        var width = a.Length;
        var lanes = Vector.IsHardwareAccelerated ? width / Vector<float>.Count : 0;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a)[..lanes];
        if (count == RowsPerStep)
        {
            var r0 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(0, width))[..lanes];
            var r1 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(width, width))[..lanes];
            var r2 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(2 * width, width))[..lanes];
            var r3 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(3 * width, width))[..lanes];
            Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero, s3 = Vector<float>.Zero;
            for (var k = 0; k < va.Length; k++)
            {
                var x = va[k];
                s0 += x * r0[k];
                s1 += x * r1[k];
                s2 += x * r2[k];
                s3 += x * r3[k];
            }

            dots[0] = Tail(a, rows.Slice(0, width), Vector.Sum(s0), lanes);
            dots[1] = Tail(a, rows.Slice(width, width), Vector.Sum(s1), lanes);
            dots[2] = Tail(a, rows.Slice(2 * width, width), Vector.Sum(s2), lanes);
            dots[3] = Tail(a, rows.Slice(3 * width, width), Vector.Sum(s3), lanes);
            return;
        }

        for (var r = 0; r < count; r++)
        {
            dots[r] = Dot(a, rows.Slice(r * width, width), lanes);
        }
    }

    /// <summary>As <see cref="DotRows1"/> for two messages: <paramref name="a"/>'s dots first, then <paramref name="b"/>'s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DotRows2(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> rows, int count, Span<float> dots)
    {
        var width = a.Length;
        var lanes = Vector.IsHardwareAccelerated ? width / Vector<float>.Count : 0;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a)[..lanes];
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b)[..lanes];
        if (count == RowsPerStep)
        {
            var r0 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(0, width))[..lanes];
            var r1 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(width, width))[..lanes];
            var r2 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(2 * width, width))[..lanes];
            var r3 = MemoryMarshal.Cast<float, Vector<float>>(rows.Slice(3 * width, width))[..lanes];
            Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero, s3 = Vector<float>.Zero;
            Vector<float> t0 = Vector<float>.Zero, t1 = Vector<float>.Zero, t2 = Vector<float>.Zero, t3 = Vector<float>.Zero;
            for (var k = 0; k < va.Length; k++)
            {
                var x = va[k];
                var y = vb[k];
                var w0 = r0[k];
                var w1 = r1[k];
                var w2 = r2[k];
                var w3 = r3[k];
                s0 += x * w0;
                s1 += x * w1;
                s2 += x * w2;
                s3 += x * w3;
                t0 += y * w0;
                t1 += y * w1;
                t2 += y * w2;
                t3 += y * w3;
            }

            dots[0] = Tail(a, rows.Slice(0, width), Vector.Sum(s0), lanes);
            dots[1] = Tail(a, rows.Slice(width, width), Vector.Sum(s1), lanes);
            dots[2] = Tail(a, rows.Slice(2 * width, width), Vector.Sum(s2), lanes);
            dots[3] = Tail(a, rows.Slice(3 * width, width), Vector.Sum(s3), lanes);
            dots[4] = Tail(b, rows.Slice(0, width), Vector.Sum(t0), lanes);
            dots[5] = Tail(b, rows.Slice(width, width), Vector.Sum(t1), lanes);
            dots[6] = Tail(b, rows.Slice(2 * width, width), Vector.Sum(t2), lanes);
            dots[7] = Tail(b, rows.Slice(3 * width, width), Vector.Sum(t3), lanes);
            return;
        }

        for (var r = 0; r < count; r++)
        {
            dots[r] = Dot(a, rows.Slice(r * width, width), lanes);
            dots[count + r] = Dot(b, rows.Slice(r * width, width), lanes);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> row, int lanes)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a)[..lanes];
        var vr = MemoryMarshal.Cast<float, Vector<float>>(row)[..lanes];
        var sum = Vector<float>.Zero;
        for (var k = 0; k < va.Length; k++)
        {
            sum += va[k] * vr[k];
        }

        return Tail(a, row, Vector.Sum(sum), lanes);
    }

    /// <summary>The lanes' total plus the elements past the last whole vector.</summary>
    private static float Tail(ReadOnlySpan<float> a, ReadOnlySpan<float> row, float total, int lanes)
    {
        for (var i = lanes * Vector<float>.Count; i < a.Length; i++)
        {
            total += a[i] * row[i];
        }

        return total;
    }
}
