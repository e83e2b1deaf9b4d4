using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The sentence embeddings of every intent's phrasings, title and answer, computed once at start (in one batch), and the
/// cosine of a message's embedding with each of them: per intent, its closest phrasing (or title) and its answer; and the
/// closest of the catalog's out-of-scope examples.
/// <para>
/// The vectors are kept in one contiguous matrix (phrasing rows, answer rows, then out-of-scope rows) and read a few
/// rows at a time: the scan of ~2,300 rows is bound by memory, and a story's two readings (whole text and question
/// sentence) are scored in the same pass, so the matrix is read once per message. Each row's dot product adds the same
/// terms in the same order as one row alone would, so the cosines are the same to the last bit.
/// </para>
/// <para>
/// The rows are held as bfloat16 (a float's upper half, rounded): half the bytes of floats, so half the memory read per
/// scan, which under load (the model's calls evicting the matrix from cache on both cores) was about an eighth of a
/// distinct turn's CPU. A cosine moves by about 1e-4 (unit vectors of 384 dimensions; the tests allow 5e-4); the
/// message's vector stays float.
/// </para>
/// </summary>
public sealed class SemanticIndex
{
    // Rows whose dot products are computed together (independent sums keep the core busy while rows load).
    private const int RowsPerStep = 4;

    private readonly ushort[] _matrix;
    // Whole 16-element blocks of bfloat16 read as two float vectors each (every shipped model has 384 dimensions).
    private readonly bool _vectorized;
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
        _matrix = new ushort[vectors.Count * _dimensions];
        for (var row = 0; row < vectors.Count; row++)
        {
            if (vectors[row].Length != _dimensions)
            {
                throw new InvalidOperationException($"The embedder returned vectors of {vectors[row].Length} and {_dimensions} dimensions.");
            }

            for (var i = 0; i < _dimensions; i++)
            {
                _matrix[(row * _dimensions) + i] = ToBFloat16(vectors[row][i]);
            }
        }

        _vectorized = Vector256.IsHardwareAccelerated && _dimensions % 16 == 0;

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
    /// The dot products of <paramref name="a"/> with each of <paramref name="count"/> consecutive bfloat16 rows, into
    /// <paramref name="dots"/>. Each row's sum runs as <see cref="Dot"/> would for that row alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DotRows1(ReadOnlySpan<float> a, ReadOnlySpan<ushort> rows, int count, Span<float> dots)
    {
        var width = _dimensions;
        if (count == RowsPerStep && _vectorized)
        {
            var va = MemoryMarshal.Cast<float, Vector256<float>>(a);
            var r0 = MemoryMarshal.Cast<ushort, Vector256<ushort>>(rows.Slice(0, width));
            var r1 = MemoryMarshal.Cast<ushort, Vector256<ushort>>(rows.Slice(width, width));
            var r2 = MemoryMarshal.Cast<ushort, Vector256<ushort>>(rows.Slice(2 * width, width));
            var r3 = MemoryMarshal.Cast<ushort, Vector256<ushort>>(rows.Slice(3 * width, width));
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
            Vector256<float> u0 = default, u1 = default, u2 = default, u3 = default;
            for (var k = 0; k < r0.Length; k++)
            {
                var x = va[2 * k];
                var y = va[(2 * k) + 1];
                var (l0, h0) = Widen(r0[k]);
                var (l1, h1) = Widen(r1[k]);
                var (l2, h2) = Widen(r2[k]);
                var (l3, h3) = Widen(r3[k]);
                s0 += x * l0;
                u0 += y * h0;
                s1 += x * l1;
                u1 += y * h1;
                s2 += x * l2;
                u2 += y * h2;
                s3 += x * l3;
                u3 += y * h3;
            }

            dots[0] = Vector256.Sum(s0 + u0);
            dots[1] = Vector256.Sum(s1 + u1);
            dots[2] = Vector256.Sum(s2 + u2);
            dots[3] = Vector256.Sum(s3 + u3);
            return;
        }

        for (var r = 0; r < count; r++)
        {
            dots[r] = Dot(a, rows.Slice(r * width, width));
        }
    }

    /// <summary>As <see cref="DotRows1"/> for two messages: <paramref name="a"/>'s dots first, then <paramref name="b"/>'s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DotRows2(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<ushort> rows, int count, Span<float> dots)
    {
        var width = _dimensions;
        if (count == RowsPerStep && _vectorized)
        {
            var va = MemoryMarshal.Cast<float, Vector256<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector256<float>>(b);
            var r0 = MemoryMarshal.Cast<ushort, Vector256<ushort>>(rows.Slice(0, width));
            var r1 = MemoryMarshal.Cast<ushort, Vector256<ushort>>(rows.Slice(width, width));
            var r2 = MemoryMarshal.Cast<ushort, Vector256<ushort>>(rows.Slice(2 * width, width));
            var r3 = MemoryMarshal.Cast<ushort, Vector256<ushort>>(rows.Slice(3 * width, width));
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
            Vector256<float> u0 = default, u1 = default, u2 = default, u3 = default;
            Vector256<float> t0 = default, t1 = default, t2 = default, t3 = default;
            Vector256<float> v0 = default, v1 = default, v2 = default, v3 = default;
            for (var k = 0; k < r0.Length; k++)
            {
                var x = va[2 * k];
                var y = va[(2 * k) + 1];
                var p = vb[2 * k];
                var q = vb[(2 * k) + 1];
                var (l0, h0) = Widen(r0[k]);
                var (l1, h1) = Widen(r1[k]);
                var (l2, h2) = Widen(r2[k]);
                var (l3, h3) = Widen(r3[k]);
                s0 += x * l0;
                u0 += y * h0;
                s1 += x * l1;
                u1 += y * h1;
                s2 += x * l2;
                u2 += y * h2;
                s3 += x * l3;
                u3 += y * h3;
                t0 += p * l0;
                v0 += q * h0;
                t1 += p * l1;
                v1 += q * h1;
                t2 += p * l2;
                v2 += q * h2;
                t3 += p * l3;
                v3 += q * h3;
            }

            dots[0] = Vector256.Sum(s0 + u0);
            dots[1] = Vector256.Sum(s1 + u1);
            dots[2] = Vector256.Sum(s2 + u2);
            dots[3] = Vector256.Sum(s3 + u3);
            dots[4] = Vector256.Sum(t0 + v0);
            dots[5] = Vector256.Sum(t1 + v1);
            dots[6] = Vector256.Sum(t2 + v2);
            dots[7] = Vector256.Sum(t3 + v3);
            return;
        }

        for (var r = 0; r < count; r++)
        {
            dots[r] = Dot(a, rows.Slice(r * width, width));
            dots[count + r] = Dot(b, rows.Slice(r * width, width));
        }
    }

    /// <summary>One row's dot product, summed as the four-row kernels sum each of their rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float Dot(ReadOnlySpan<float> a, ReadOnlySpan<ushort> row)
    {
        if (_vectorized)
        {
            var va = MemoryMarshal.Cast<float, Vector256<float>>(a);
            var vr = MemoryMarshal.Cast<ushort, Vector256<ushort>>(row);
            Vector256<float> s = default, u = default;
            for (var k = 0; k < vr.Length; k++)
            {
                var (l, h) = Widen(vr[k]);
                s += va[2 * k] * l;
                u += va[(2 * k) + 1] * h;
            }

            return Vector256.Sum(s + u);
        }

        var total = 0f;
        for (var i = 0; i < row.Length; i++)
        {
            total += a[i] * ToSingle(row[i]);
        }

        return total;
    }

    /// <summary>Sixteen bfloat16 values as two vectors of eight floats (a bfloat16 is a float's upper half).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Lower, Vector256<float> Upper) Widen(Vector256<ushort> bits)
    {
        var (lower, upper) = Vector256.Widen(bits);
        return (Vector256.ShiftLeft(lower, 16).AsSingle(), Vector256.ShiftLeft(upper, 16).AsSingle());
    }

    /// <summary>A float rounded to the nearest bfloat16 (ties to even): its upper 16 bits.</summary>
    internal static ushort ToBFloat16(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            return (ushort)((bits >> 16) | 0x40);
        }

        return (ushort)((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16);
    }

    internal static float ToSingle(ushort bfloat16) => BitConverter.UInt32BitsToSingle((uint)bfloat16 << 16);
}
