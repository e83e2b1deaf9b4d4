using System.Numerics.Tensors;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// The safety triage's second look, by meaning: a message the rules left alone that the understanding cannot
/// confidently place (the scope statement, "not understood", a did-you-mean or a low-probability answer) is compared with
/// the example phrasings of dialogs/safety.yaml ('semantic_backstop'). When it comes close enough to a class's examples,
/// and no closer to a near miss, it gets that class, the strongest first: indirect crisis phrasings ("no one would notice
/// if i disappeared") carry no word the rules know.
/// <para>
/// Cost: a message the understanding places confidently is never embedded here, and the matcher keeps its reading, so the
/// dialog reads it again for free; a screened message is embedded once (the embedder's cache serves the dialog too). The
/// examples' vectors are taken when the content is built, from the content's saved embeddings
/// (dialogs/content-embeddings.bin holds them beside the FAQ's texts), so neither start-up nor the first screened
/// message waits for the model; an example the file lacks (the clinic just added it) is computed then, as FAQ texts are.
/// </para>
/// </summary>
public sealed class SafetyBackstop
{
    private readonly SafetyBackstopRules _rules;
    private readonly FaqMatcher _matcher;
    private readonly ISentenceEmbedder _embedder;
    private readonly ExemplarVectors[] _exemplars;

    /// <param name="savedEmbeddings">The content's saved embeddings (null: every example is computed now).</param>
    public SafetyBackstop(SafetyBackstopRules rules, FaqMatcher matcher, ISentenceEmbedder embedder, ContentEmbeddingCache? savedEmbeddings = null)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _exemplars = rules.IsEmpty ? [] : Embed(rules, savedEmbeddings ?? ContentEmbeddingCache.Empty(embedder));
    }

    /// <summary>The backstop's class for a message the rules found nothing in (<see cref="TriageResult.None"/> when it is not screened or not close).</summary>
    public async ValueTask<TriageResult> ScreenAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (_rules.IsEmpty || string.IsNullOrWhiteSpace(text) || !HasMinimumWords(text, _rules.MinimumWords))
        {
            return TriageResult.None;
        }

        var match = await _matcher.MatchAsync(text, cancellationToken).ConfigureAwait(false);
        if (!NeedsScreening(match))
        {
            return TriageResult.None;
        }

        var vector = await _embedder.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        return Classify(vector.Span, _exemplars);
    }

    /// <summary>
    /// Whether a reading is one the backstop screens: anything but a confident answer, a walkthrough start, a command or
    /// small talk (a message made only of social words: "bye for now" comes close to a farewell note by meaning alone).
    /// </summary>
    public bool NeedsScreening(FaqMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Kind switch
        {
            FaqMatchKind.Answer => match.Score < _rules.ScreenAnswersBelow,
            FaqMatchKind.StartWalkthrough or FaqMatchKind.Command or FaqMatchKind.SmallTalk or FaqMatchKind.Empty => false,
            _ => true,
        };
    }

    /// <summary>The closest example's similarity per class (diagnostics and fitting the thresholds).</summary>
    public async ValueTask<IReadOnlyDictionary<TriageClass, double>> SimilaritiesAsync(string text, CancellationToken cancellationToken = default)
    {
        var vector = await _embedder.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        return _exemplars.ToDictionary(e => e.Class, e => e.Closest(vector.Span));
    }

    private static TriageResult Classify(ReadOnlySpan<float> vector, ExemplarVectors[] exemplars)
    {
        var nearMiss = 0.0;
        foreach (var group in exemplars)
        {
            if (group.Class == TriageClass.None)
            {
                nearMiss = Math.Max(nearMiss, group.Closest(vector));
            }
        }

        // Strongest class first; a tie with a near miss goes to help.
        var best = TriageResult.None;
        foreach (var group in exemplars)
        {
            if (group.Class > best.Class && group.Closest(vector) is var similarity && similarity >= group.Threshold && similarity >= nearMiss)
            {
                best = new TriageResult(group.Class, RuleIdOf(group.Class));
            }
        }

        return best;
    }

    private static string RuleIdOf(TriageClass triageClass) => "semantic_" + triageClass.ToString().ToLowerInvariant();

    private static bool HasMinimumWords(string text, int minimum)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = char.IsLetterOrDigit(c);
            if (isWordChar && !inWord && ++words >= minimum)
            {
                return true;
            }

            inWord = isWordChar;
        }

        return false;
    }

    /// <summary>Each class's example vectors, in the order of <see cref="SafetyBackstopRules.Classes"/>.</summary>
    private static ExemplarVectors[] Embed(SafetyBackstopRules rules, ContentEmbeddingCache savedEmbeddings)
    {
        var vectors = savedEmbeddings.Embed([.. rules.Examples]);
        var groups = new ExemplarVectors[rules.Classes.Count];
        var next = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            var group = rules.Classes[g];
            groups[g] = new ExemplarVectors(group.Class, group.Threshold, [.. vectors.Skip(next).Take(group.Examples.Count)]);
            next += group.Examples.Count;
        }

        return groups;
    }

    /// <summary>One class's example vectors (unit length, so a dot product is the cosine similarity).</summary>
    private sealed record ExemplarVectors(TriageClass Class, double Threshold, float[][] Vectors)
    {
        public double Closest(ReadOnlySpan<float> vector)
        {
            var best = -1.0;
            foreach (var example in Vectors)
            {
                best = Math.Max(best, TensorPrimitives.Dot(vector, example));
            }

            return best;
        }
    }
}
