using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Faq;

/// <summary>
/// Understands a visitor's message, in stages built once at start: whole-message intents (commands, exact phrasings,
/// small talk), then lexical evidence (<see cref="LexicalScorer"/>) and semantic evidence (<see cref="SemanticIndex"/>,
/// one embedding per message, two for a story that ends in a question), weighed by the fitted model into answer / did-you-mean / out of scope
/// (<see cref="DecisionPolicy"/>). With a first stage (a cascade), the semantic evidence comes first from static word-piece
/// vectors (<see cref="StaticSentenceEmbedder"/>, microseconds), and only a message that reading leaves undecided
/// (<see cref="CascadeBand"/>) waits for the sentence-embedding model.
/// </summary>
public sealed class FaqMatcher
{
    private readonly ExactIntentRecognizer _exact;
    private readonly LexicalScorer _lexical;
    private readonly SemanticIndex _semantic;
    private readonly DecisionPolicy _policy;
    private readonly ISentenceEmbedder _embedder;
    private readonly RecentMatches _recent = new();
    private readonly SpokenFormRewriter _spokenForms;
    private readonly StaticSentenceEmbedder? _firstStage;
    private readonly SemanticIndex? _staticSemantic;
    private readonly CascadeBand? _band;
    private long _decidedByFirstStage;
    private long _sentToModel;

    /// <param name="savedEmbeddings">
    /// The content's embeddings saved beside it (dialogs/content-embeddings.bin): texts it has are not recomputed, so the
    /// matcher is built without waiting for the model. Null computes every text.
    /// </param>
    /// <param name="firstStage">
    /// The static embedder of the cascade's first stage; used when the model has a fitted first stage and band (null:
    /// every message goes to the sentence-embedding model).
    /// </param>
    public FaqMatcher(B12Content content, ISentenceEmbedder embedder, UnderstandingModel model, ContentEmbeddingCache? savedEmbeddings = null,
        StaticSentenceEmbedder? firstStage = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(model);
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        Catalog = IntentCatalog.FromContent(content);

        // The content's static vectors (the tokenizer takes ~0.2 s of CPU for them) on another core while the lexical
        // and semantic indexes are built here: at start, that is off the path to the first answer.
        var catalog = Catalog;
        var staticIndex = firstStage is not null && model.Cascade is not null
            ? Task.Run(() => new SemanticIndex(catalog, firstStage.EmbedBatch))
            : null;
        Analyzer = new TermAnalyzer(content.Language, LexicalIndex.VocabularyTexts(content));
        _spokenForms = new SpokenFormRewriter(content.Language.SpokenForms);
        _exact = new ExactIntentRecognizer(Catalog, content.Messages, content.Language, Analyzer);
        _lexical = new LexicalScorer(new LexicalIndex(Catalog, content.Language, Analyzer));
        _semantic = new SemanticIndex(Catalog, (savedEmbeddings ?? ContentEmbeddingCache.Empty(embedder)).Embed);
        _policy = new DecisionPolicy(Catalog, model);
        if (staticIndex is not null)
        {
            _firstStage = firstStage;
            _band = model.Cascade;
            _staticSemantic = staticIndex.GetAwaiter().GetResult();
        }
    }

    /// <summary>Messages the cascade's first stage decided alone, and messages that went to the sentence-embedding model.</summary>
    public (long DecidedByFirstStage, long SentToModel) Routing => (Interlocked.Read(ref _decidedByFirstStage), Interlocked.Read(ref _sentToModel));

    /// <summary>Whether a cascade runs (a first stage and a fitted band).</summary>
    public bool HasFirstStage => _band is not null;

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
        // Read as written ("be twelve shots" as "b12 shots"), by the word lists and the model alike.
        text = _spokenForms.Rewrite(text);
        var analyzed = Analyzer.Analyze(text);
        if (analyzed.Words.Length == 0)
        {
            return _exact.RecognizeEmoji(text) ?? new FaqMatch { Kind = FaqMatchKind.Empty };
        }

        if (_exact.Recognize(analyzed) is { } exact)
        {
            return exact;
        }

        if (analyzed.Terms.Count == 0)
        {
            return new FaqMatch { Kind = FaqMatchKind.Unrecognized };
        }

        (analyzed, text) = FromSubjectTurn(analyzed, text);
        var lexical = _lexical.Score(analyzed);
        if (_band is not null)
        {
            var firstStage = AssessFirstStage(analyzed, text, lexical);
            if (_band.Decides(firstStage, lexical))
            {
                Interlocked.Increment(ref _decidedByFirstStage);
                return _policy.Decide(firstStage);
            }
        }

        Interlocked.Increment(ref _sentToModel);
        return _policy.Decide(_policy.Assess(lexical, await MeaningAsync(analyzed, text, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// The message as it is understood: from its last subject turn on ("on b12 shots. unrelated but paracetamol dose for
    /// kids"), so a B12 story told before the turn does not make the question a B12 one; the whole message when the part
    /// after the turn only remarks after a question, points back at what was told ("separate question, can i take them
    /// with food?") or reads as nothing.
    /// </summary>
    private (AnalyzedText Analyzed, string Text) FromSubjectTurn(AnalyzedText analyzed, string text)
    {
        if (Analyzer.TextAfterSubjectTurn(text) is not { } rest)
        {
            return (analyzed, text);
        }

        // After a question, what follows the turn must ask too: "is a pill as good as a shot? by the way your website is
        // much easier to use" only remarks. Without one before it, a fragment is the question ("unrelated but paracetamol
        // dose for kids").
        var after = Analyzer.Analyze(rest);
        var remarksOnly = !after.Parts.Asks.Contains(true) && analyzed.Parts.Asks.Contains(true);
        // Only a rest that opens by pointing back leans on the story before the turn: in "but my question is only about my
        // blood pressure: how often should it be checked?" the "it" stands for what the rest itself named first.
        var pointsBack = (after.ClauseLeansOnStory.Count > 0 && after.ClauseLeansOnStory[0]) || after.Parts.PointsBackAt(0);
        return after.Terms.Count == 0 || remarksOnly || pointsBack ? (analyzed, text) : (after, rest);
    }

    /// <summary>
    /// The sentence-embedding evidence of a message: of the whole text, and for a message of several clauses also of its
    /// question sentence (<see cref="AnalyzedText.QuestionSentence"/>), per intent the closer. Both texts are handed to the
    /// embedder before either is awaited, so they share one model call.
    /// </summary>
    private async ValueTask<SemanticEvidence> MeaningAsync(AnalyzedText analyzed, string text, CancellationToken cancellationToken)
    {
        var whole = _embedder.EmbedAsync(text, cancellationToken);
        if (analyzed.QuestionSentence is not { } question)
        {
            return _semantic.Score((await whole.ConfigureAwait(false)).Span);
        }

        var asked = _embedder.EmbedAsync(question, cancellationToken).AsTask();
        var wholeVector = await whole.ConfigureAwait(false);
        var askedVector = await asked.ConfigureAwait(false);
        return _semantic.ScoreCloser(wholeVector.Span, askedVector.Span);
    }

    /// <summary>Only a whole-message command ("help", "back"), for dialogs that listen for commands alone.</summary>
    public BotCommand? RecognizeCommand(string? text) => string.IsNullOrWhiteSpace(text) ? null : _exact.RecognizeCommand(text);

    /// <summary>Every stage's reading of a message, for the eval command's --explain (diagnostics only).</summary>
    internal async ValueTask<(AnalyzedText Analyzed, LexicalEvidence Lexical, SemanticEvidence Semantic, IntentAssessment Assessment, FaqMatch Match)> ExplainAsync(
        string text, CancellationToken cancellationToken = default)
    {
        text = _spokenForms.Rewrite(text);
        var (analyzed, read) = FromSubjectTurn(Analyzer.Analyze(text), text);
        var lexical = _lexical.Score(analyzed);
        var semantic = await MeaningAsync(analyzed, read, cancellationToken).ConfigureAwait(false);
        var assessment = _policy.Assess(lexical, semantic);
        return (analyzed, lexical, semantic, assessment, _policy.Decide(assessment));
    }

    /// <summary>
    /// The cascade's first stage on a message, for the eval command's --explain (diagnostics only): its reading, whether
    /// it decides alone and what it would do (null without a first stage).
    /// </summary>
    internal (IntentAssessment Assessment, bool Decides, FaqMatch Match)? ExplainFirstStage(string text)
    {
        if (_band is null)
        {
            return null;
        }

        text = _spokenForms.Rewrite(text);
        var (analyzed, read) = FromSubjectTurn(Analyzer.Analyze(text), text);
        var lexical = _lexical.Score(analyzed);
        var firstStage = AssessFirstStage(analyzed, read, lexical);
        return (firstStage, _band.Decides(firstStage, lexical), _policy.Decide(firstStage));
    }

    /// <summary>The cascade's first stage: lexical evidence with the static vectors of the whole text and its question sentence.</summary>
    private IntentAssessment AssessFirstStage(AnalyzedText analyzed, string text, LexicalEvidence lexical)
    {
        var staticSemantic = analyzed.QuestionSentence is { } question
            ? _staticSemantic!.ScoreCloser(_firstStage!.Embed(text), _firstStage.Embed(question))
            : _staticSemantic!.Score(_firstStage!.Embed(text));
        return _policy.AssessFirstStage(lexical, staticSemantic);
    }

    /// <summary>The model's probabilities for a message (diagnostics and the accuracy report).</summary>
    internal ValueTask<IntentAssessment> AssessAsync(string text, CancellationToken cancellationToken = default)
    {
        var (analyzed, read) = FromSubjectTurn(Analyzer.Analyze(text), text);
        return AssessAsync(analyzed, read, cancellationToken);
    }

    private async ValueTask<IntentAssessment> AssessAsync(AnalyzedText analyzed, string text, CancellationToken cancellationToken)
    {
        var lexical = _lexical.Score(analyzed);
        return _policy.Assess(lexical, await MeaningAsync(analyzed, text, cancellationToken).ConfigureAwait(false));
    }
}
