using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Faq;

/// <summary>
/// Understands a visitor's message, in stages built once at start: whole-message intents (commands, exact phrasings,
/// small talk), then lexical evidence (<see cref="LexicalScorer"/>) and semantic evidence (<see cref="SemanticIndex"/>,
/// one embedding per message), weighed by the fitted model into answer / did-you-mean / out of scope
/// (<see cref="DecisionPolicy"/>).
/// </summary>
public sealed class FaqMatcher
{
    private readonly ExactIntentRecognizer _exact;
    private readonly LexicalScorer _lexical;
    private readonly SemanticIndex _semantic;
    private readonly DecisionPolicy _policy;
    private readonly ISentenceEmbedder _embedder;
    private readonly RecentMatches _recent = new();

    /// <param name="savedEmbeddings">
    /// The content's embeddings saved beside it (dialogs/content-embeddings.bin): texts it has are not recomputed, so the
    /// matcher is built without waiting for the model. Null computes every text.
    /// </param>
    public FaqMatcher(B12Content content, ISentenceEmbedder embedder, UnderstandingModel model, ContentEmbeddingCache? savedEmbeddings = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(model);
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        Analyzer = new TermAnalyzer(content.Language, LexicalIndex.VocabularyTexts(content));
        Catalog = IntentCatalog.FromContent(content);
        _exact = new ExactIntentRecognizer(Catalog, content.Messages, content.Language, Analyzer);
        _lexical = new LexicalScorer(new LexicalIndex(Catalog, content.Language, Analyzer));
        _semantic = new SemanticIndex(Catalog, (savedEmbeddings ?? ContentEmbeddingCache.Empty(embedder)).Embed);
        _policy = new DecisionPolicy(Catalog, model);
    }

    /// <summary>The analyzer this matcher reads with (shared with the emergency screen and the walkthrough).</summary>
    public TermAnalyzer Analyzer { get; }

    public IntentCatalog Catalog { get; }

    /// <summary>The reading of <paramref name="text"/>; a text read recently by this matcher is not read again.</summary>
    public ValueTask<FaqMatch> MatchAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ValueTask.FromResult(new FaqMatch { Kind = FaqMatchKind.Empty });
        }

        return _recent.TryGet(text, out var known) ? ValueTask.FromResult(known) : ReadAndKeepAsync(text, cancellationToken);
    }

    private async ValueTask<FaqMatch> ReadAndKeepAsync(string text, CancellationToken cancellationToken)
    {
        var match = await ReadAsync(text, cancellationToken).ConfigureAwait(false);
        _recent.Add(text, match);
        return match;
    }

    private async ValueTask<FaqMatch> ReadAsync(string text, CancellationToken cancellationToken)
    {
        var analyzed = Analyzer.Analyze(text);
        if (analyzed.Words.Length == 0)
        {
            return new FaqMatch { Kind = FaqMatchKind.Empty };
        }

        if (_exact.Recognize(analyzed) is { } exact)
        {
            return exact;
        }

        if (analyzed.Terms.Count == 0)
        {
            return new FaqMatch { Kind = FaqMatchKind.Unrecognized };
        }

        var assessment = await AssessAsync(analyzed, text, cancellationToken).ConfigureAwait(false);
        return _policy.Decide(assessment);
    }

    /// <summary>Only a whole-message command ("help", "back"), for dialogs that listen for commands alone.</summary>
    public BotCommand? RecognizeCommand(string? text) => string.IsNullOrWhiteSpace(text) ? null : _exact.RecognizeCommand(text);

    /// <summary>The model's probabilities for a message (diagnostics and the accuracy report).</summary>
    internal ValueTask<IntentAssessment> AssessAsync(string text, CancellationToken cancellationToken = default) =>
        AssessAsync(Analyzer.Analyze(text), text, cancellationToken);

    private async ValueTask<IntentAssessment> AssessAsync(AnalyzedText analyzed, string text, CancellationToken cancellationToken)
    {
        var lexical = _lexical.Score(analyzed);
        var vector = await _embedder.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        return _policy.Assess(lexical, _semantic.Score(vector.Span));
    }
}
