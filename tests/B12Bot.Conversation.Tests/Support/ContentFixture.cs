using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>The shipped content, model, matcher and safety triage, built once per test class as the host builds them once at start.</summary>
public sealed class ContentFixture
{
    /// <summary>One sentence-embedding model for the whole test run (it takes a second to load).</summary>
    private static readonly Lazy<MiniLmSentenceEmbedder> SharedEmbedder =
        new(() => new MiniLmSentenceEmbedder(new SentenceEmbedderOptions(), NullLogger<MiniLmSentenceEmbedder>.Instance));

    public ContentFixture()
    {
        Content = B12ContentLoader.Load(RepositoryPaths.Dialogs, "911");
        Model = UnderstandingModel.Load(Path.Combine(RepositoryPaths.Dialogs, UnderstandingModel.FileName));
        // As the host does: the content's saved embeddings (ContentEmbeddingCacheTests check they are current and right)
        // and the cascade's static first stage.
        SavedEmbeddings = ContentEmbeddingCache.Load(Path.Combine(RepositoryPaths.Dialogs, ContentEmbeddingCache.FileName), Embedder);
        Matcher = new FaqMatcher(Content, Embedder, Model, SavedEmbeddings, StaticSentenceEmbedder.Instance);
        CrisisModel = LearnedSafetyReading.LoadFrom(RepositoryPaths.Dialogs, LearnedReadingKind.Crisis);
        EmergencyModel = LearnedSafetyReading.LoadFrom(RepositoryPaths.Dialogs, LearnedReadingKind.Emergency);
        Triage = new SafetyTriage(Content.Safety, Matcher.Analyzer.IsKnownWord, CrisisModel, EmergencyModel);
        Backstop = new SafetyBackstop(Content.Safety.Backstop, Matcher, Embedder, SavedEmbeddings, StaticSentenceEmbedder.Instance);
    }

    public static ISentenceEmbedder Embedder => SharedEmbedder.Value;

    public B12Content Content { get; }

    public UnderstandingModel Model { get; }

    public ContentEmbeddingCache SavedEmbeddings { get; }

    public FaqMatcher Matcher { get; }

    /// <summary>The triage's learned crisis reading, as the host gives it to the rules.</summary>
    public LearnedSafetyReading CrisisModel { get; }

    /// <summary>The triage's learned emergency reading, as the host gives it to the rules.</summary>
    public LearnedSafetyReading EmergencyModel { get; }

    public SafetyTriage Triage { get; }

    /// <summary>The triage's second look by meaning, as the host builds it beside the rules.</summary>
    public SafetyBackstop Backstop { get; }

    /// <summary>The matcher's reading of <paramref name="text"/> (the embedder answers on its own worker, so waiting here is safe).</summary>
    public FaqMatch Match(string text) => Matcher.MatchAsync(text).AsTask().GetAwaiter().GetResult();
}
