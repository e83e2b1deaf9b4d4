using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The sentence embeddings of every intent's phrasings, title and answer, computed once at start (in one batch), and the
/// cosine of a message's embedding with each of them: per intent, its closest phrasing (or title) and its answer.
/// </summary>
public sealed class SemanticIndex
{
    private readonly float[][] _phrasingVectors;
    private readonly int[] _phrasingIntent;
    private readonly float[][] _answerVectors;

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
        var phrasingCount = owners.Count;
        var vectors = embed(texts);
        if (vectors.Count != texts.Count)
        {
            throw new InvalidOperationException($"The embedder returned {vectors.Count} vectors for {texts.Count} texts.");
        }

        _phrasingVectors = [.. vectors.Take(phrasingCount)];
        _phrasingIntent = [.. owners];
        _answerVectors = [.. vectors.Skip(phrasingCount)];
    }

    /// <summary>
    /// Every text the index embeds, in its order: each intent's phrasings, its examples, then its title, intent by intent; then each
    /// intent's answer (an intent without answer text, the walkthrough, is described by its title).
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
        return texts;
    }

    public int IntentCount { get; }

    // Optimised from the first call: the start's warm-up turn should not run the unoptimised loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SemanticEvidence Score(ReadOnlySpan<float> message)
    {
        var phrasing = new double[IntentCount];
        Array.Fill(phrasing, -1.0);
        for (var p = 0; p < _phrasingVectors.Length; p++)
        {
            var cosine = Dot(message, _phrasingVectors[p]);
            var intent = _phrasingIntent[p];
            if (cosine > phrasing[intent])
            {
                phrasing[intent] = cosine;
            }
        }

        var answer = new double[IntentCount];
        for (var i = 0; i < IntentCount; i++)
        {
            answer[i] = Dot(message, _answerVectors[i]);
        }

        return new SemanticEvidence(phrasing, answer);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var length = Math.Min(a.Length, b.Length);
        var sum = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a[..length]);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b[..length]);
            for (var k = 0; k < va.Length; k++)
            {
                sum += va[k] * vb[k];
            }

            i = va.Length * Vector<float>.Count;
        }

        var total = Vector.Sum(sum);
        for (; i < length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
