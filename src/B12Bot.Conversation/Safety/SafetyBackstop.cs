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
/// Every message is then read clause by clause for a crisis ('crisis_clauses'): a crisis wrapped in a B12 question ("i
/// feel trapped and there's no way out, so why bother with b12") reads as a B12 question as a whole, whatever the
/// understanding made of it, but its first clause alone comes close to a crisis example. A clause gets the crisis line
/// when it comes within that stricter threshold of a crisis example and no closer to a near miss. A message of one
/// clause that the understanding answers confidently is left to the rules.
/// </para>
/// <para>
/// Cost: a clause is embedded by the model only when its static word-piece vector
/// (the cascade's first stage, microseconds) comes somewhat near a crisis example's and not much
/// nearer a near miss's ('pre_check', 'pre_check_margin'), at most
/// <see cref="MaxClauses"/> per message; the matcher keeps its reading, so the dialog reads it again for free; a screened
/// message is embedded once (the embedder's cache serves the dialog too). The examples' vectors are taken when the
/// content is built, from the content's saved embeddings (dialogs/content-embeddings.bin holds them beside the FAQ's
/// texts), so neither start-up nor the first screened message waits for the model; an example the file lacks (the clinic
/// just added it) is computed then, as FAQ texts are.
/// </para>
/// </summary>
public sealed class SafetyBackstop
{
    /// <summary>Clauses of one message compared by the model at most (the ones nearest a crisis example by the pre-check).</summary>
    public const int MaxClauses = 3;

    /// <summary>Characters of a message split into clauses (its start and its end when it is longer).</summary>
    public const int MaxClauseText = 2_000;

    /// <summary>Clauses of one message given the static pre-check at most (a bound on the work for a long pasted text).</summary>
    public const int MaxClausesRead = 32;

    private readonly SafetyBackstopRules _rules;
    private readonly FaqMatcher _matcher;
    private readonly ISentenceEmbedder _embedder;
    private readonly ExemplarVectors[] _exemplars;
    private readonly StaticSentenceEmbedder? _preCheck;
    private readonly ExemplarVectors? _crisisStatic;
    private readonly ExemplarVectors? _nearMissStatic;
    // Looked up by span: a clause split reads every word of every message, so no substring per word.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _clauseBreaks;

    /// <param name="savedEmbeddings">The content's saved embeddings (null: every example is computed now).</param>
    /// <param name="preCheck">
    /// The static word-piece embedder for the cheap first look at clauses (null: every clause is embedded by the model).
    /// </param>
    public SafetyBackstop(SafetyBackstopRules rules, FaqMatcher matcher, ISentenceEmbedder embedder, ContentEmbeddingCache? savedEmbeddings = null,
        StaticSentenceEmbedder? preCheck = null)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _exemplars = rules.IsEmpty ? [] : Embed(rules, savedEmbeddings ?? ContentEmbeddingCache.Empty(embedder));
        _clauseBreaks = new HashSet<string>(rules.ClauseBreaks, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var crisis = rules.Classes.FirstOrDefault(c => c.Class == TriageClass.Crisis);
        if (preCheck is not null && crisis is not null && ScreensClauses)
        {
            _preCheck = preCheck;
            _crisisStatic = new ExemplarVectors(TriageClass.Crisis, rules.CrisisClausePreCheck, [.. preCheck.EmbedBatch(crisis.Examples)]);
            _nearMissStatic = new ExemplarVectors(TriageClass.None, 1, [.. preCheck.EmbedBatch([.. rules.Classes.Where(c => c.Class == TriageClass.None).SelectMany(c => c.Examples)])]);
        }
    }

    /// <summary>Whether clauses are compared with the crisis examples at all.</summary>
    private bool ScreensClauses => _rules.CrisisClauseThreshold <= 1 && _exemplars.Any(e => e.Class == TriageClass.Crisis);

    /// <summary>The backstop's class for a message the rules found nothing in (<see cref="TriageResult.None"/> when it is not screened or not close).</summary>
    public async ValueTask<TriageResult> ScreenAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (_rules.IsEmpty || string.IsNullOrWhiteSpace(text) || !HasMinimumWords(text, _rules.MinimumWords))
        {
            return TriageResult.None;
        }

        // A reading still waiting for the model is no command, small talk or empty message (those are read whole, at
        // once), so its clauses will be compared: they are handed to the embedder now, beside the reading's own texts,
        // and the message waits for one model call instead of two in a row.
        var reading = _matcher.MatchAsync(text, cancellationToken);
        var clauseVectors = reading.IsCompleted ? null : EmbedClauses(text, cancellationToken);
        var match = await reading.ConfigureAwait(false);
        var comparesClauses = ScreensClauses && (match.Kind is not (FaqMatchKind.Empty or FaqMatchKind.Command or FaqMatchKind.SmallTalk) || match.TellsMore);
        var wholeVector = NeedsScreening(match) ? _embedder.EmbedAsync(text, cancellationToken).AsTask() : null;
        // The whole text and the clauses go to the embedder together (one model call), not one after another.
        clauseVectors ??= comparesClauses ? EmbedClauses(text, cancellationToken) : [];
        if (wholeVector is not null)
        {
            var whole = Classify((await wholeVector.ConfigureAwait(false)).Span, _exemplars);
            if (!whole.IsNone)
            {
                return whole;
            }
        }

        if (!comparesClauses)
        {
            return TriageResult.None;
        }

        foreach (var clauseVector in clauseVectors)
        {
            if (IsCrisisClause((await clauseVector.ConfigureAwait(false)).Span))
            {
                return new TriageResult(TriageClass.Crisis, "semantic_crisis_clause");
            }
        }

        return TriageResult.None;
    }

    /// <summary>The embeddings of the clauses to compare (<see cref="ClausesToCompare"/>), all handed to the embedder at once.</summary>
    private Task<ReadOnlyMemory<float>>[] EmbedClauses(string text, CancellationToken cancellationToken) =>
        ScreensClauses ? [.. ClausesToCompare(text).Select(clause => _embedder.EmbedAsync(clause, cancellationToken).AsTask())] : [];

    /// <summary>
    /// The clauses of a message of two clauses or more that the model compares with the crisis examples, nearest one
    /// first by the static pre-check (those of at least the minimum words). A message of one clause is not compared
    /// again: as a whole it was, or it is a confident answer (whose whole text came no nearer than 0.54 to a crisis
    /// example on the dev and regression sets, while a B12 question as a whole comes near many).
    /// </summary>
    public IReadOnlyList<string> ClausesToCompare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = text.Length <= MaxClauseText
            ? text
            : string.Concat(text.AsSpan(0, MaxClauseText / 2), "\n", text.AsSpan(text.Length - (MaxClauseText / 2)));
        var clauses = SplitClauses(read);
        if (clauses.Count == 1)
        {
            clauses.Clear();
        }

        var candidates = new List<(string Clause, double Near)>(clauses.Count);
        foreach (var clause in clauses)
        {
            if (_crisisStatic is null)
            {
                candidates.Add((clause, 1));
                continue;
            }

            var vector = _preCheck!.Embed(clause);
            var near = _crisisStatic.Closest(vector);
            if (near >= _rules.CrisisClausePreCheck && near >= _nearMissStatic!.Closest(vector) - _rules.CrisisClausePreCheckMargin)
            {
                candidates.Add((clause, near));
            }
        }

        return [.. candidates.OrderByDescending(c => c.Near).Take(MaxClauses).Select(c => c.Clause)];
    }

    /// <summary>The static vector's closest crisis example (1 without a pre-check: every clause passes).</summary>
    public double PreCheckSimilarity(string text) => _crisisStatic is null ? 1 : _crisisStatic.Closest(_preCheck!.Embed(text));

    /// <summary>The static vector's closest near miss (diagnostics).</summary>
    public double PreCheckNearMissSimilarity(string text) => _nearMissStatic is null ? 0 : _nearMissStatic.Closest(_preCheck!.Embed(text));

    /// <summary>
    /// The clauses of a text that have at least the minimum words: split at . , ; : ! ? and line breaks, and before a
    /// clause break word ("so", "but").
    /// </summary>
    private List<string> SplitClauses(string text)
    {
        var clauses = new List<string>();
        var start = 0;
        var words = 0;
        var inWord = false;
        var wordStart = 0;
        for (var i = 0; i <= text.Length && clauses.Count < MaxClausesRead; i++)
        {
            var c = i < text.Length ? text[i] : '.';
            if (char.IsLetterOrDigit(c) || c is '\'' or '\u2019')
            {
                if (!inWord)
                {
                    inWord = true;
                    wordStart = i;
                }

                continue;
            }

            if (inWord)
            {
                inWord = false;
                if (_clauseBreaks.Contains(text.AsSpan(wordStart, i - wordStart)))
                {
                    AddClause(clauses, text, start, wordStart, words);
                    start = wordStart;
                    words = 0;
                }

                words++;
            }

            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\n' or '\r')
            {
                AddClause(clauses, text, start, i, words);
                start = i + 1;
                words = 0;
            }
        }

        return clauses;
    }

    private void AddClause(List<string> clauses, string text, int start, int end, int words)
    {
        if (words >= _rules.MinimumWords)
        {
            clauses.Add(text[start..end].Trim());
        }
    }

    /// <summary>A clause's vector within the stricter threshold of a crisis example and no closer to a near miss.</summary>
    private bool IsCrisisClause(ReadOnlySpan<float> vector)
    {
        var nearMiss = 0.0;
        var crisis = -1.0;
        foreach (var group in _exemplars)
        {
            if (group.Class == TriageClass.None)
            {
                nearMiss = Math.Max(nearMiss, group.Closest(vector));
            }
            else if (group.Class == TriageClass.Crisis)
            {
                crisis = Math.Max(crisis, group.Closest(vector));
            }
        }

        return crisis >= _rules.CrisisClauseThreshold && crisis >= nearMiss;
    }

    /// <summary>
    /// Whether a reading is one the backstop screens: anything but a confident answer or walkthrough start, a command or
    /// small talk (a message made only of social words: "bye for now" comes close to a farewell note by meaning alone), but
    /// one said with a reason or a telling beside it (<see cref="FaqMatch.TellsMore"/>).
    /// A walkthrough start the model was unsure of (a story whose last clause asks for the questions) is screened like an
    /// unsure answer: a crisis told before "can you ask me the questions" must not slip past.
    /// </summary>
    public bool NeedsScreening(FaqMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Kind switch
        {
            FaqMatchKind.Answer or FaqMatchKind.StartWalkthrough => match.Score < _rules.ScreenAnswersBelow,
            FaqMatchKind.Command or FaqMatchKind.SmallTalk => match.TellsMore,
            FaqMatchKind.Empty => false,
            _ => true,
        };
    }

    /// <summary>The closest example's similarity per class (diagnostics and fitting the thresholds).</summary>
    public async ValueTask<IReadOnlyDictionary<TriageClass, double>> SimilaritiesAsync(string text, CancellationToken cancellationToken = default)
    {
        var vector = await _embedder.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        return _exemplars.ToDictionary(e => e.Class, e => e.Closest(vector.Span));
    }

    /// <summary>The closest example of a class and its similarity (diagnostics: which example a message came near).</summary>
    public async ValueTask<(string Example, double Similarity)> ClosestExampleAsync(string text, TriageClass triageClass, CancellationToken cancellationToken = default)
    {
        var vector = await _embedder.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        var best = (Example: "", Similarity: -1.0);
        for (var g = 0; g < _exemplars.Length; g++)
        {
            var examples = _rules.Classes[g].Examples;
            for (var i = 0; i < examples.Count && _exemplars[g].Class == triageClass; i++)
            {
                var similarity = (double)TensorPrimitives.Dot(vector.Span, _exemplars[g].Vectors[i]);
                if (similarity > best.Similarity)
                {
                    best = (examples[i], similarity);
                }
            }
        }

        return best;
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
