using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Handoff;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Understanding;
using BotRuntime.Builder;

namespace B12Bot.Conversation.Content;

/// <summary>
/// One validated version of the clinic's content and everything built from it: the understanding model, the saved
/// embeddings, the FAQ matcher (lexical and semantic indexes, intent catalog), the safety triage and its replies, and
/// the bot with its dialogs. Never changed once built: a reload builds a new one and swaps it in whole
/// (<see cref="B12ContentSource"/>), and a turn keeps the snapshot it started with.
/// </summary>
public sealed class B12ContentSnapshot
{
    internal B12ContentSnapshot(
        int version,
        B12Content content,
        HandoffContent? handoff,
        UnderstandingModel model,
        ContentEmbeddingCache embeddings,
        FaqMatcher matcher,
        SafetyTriage triage,
        SafetyReplies safetyReplies,
        SafetyTriageMiddleware triageMiddleware,
        IBot bot)
    {
        Version = version;
        Content = content;
        Handoff = handoff;
        Model = model;
        Embeddings = embeddings;
        Matcher = matcher;
        Triage = triage;
        SafetyReplies = safetyReplies;
        TriageMiddleware = triageMiddleware;
        Bot = bot;
    }

    /// <summary>1 for the content loaded at start, one more for each applied reload.</summary>
    public int Version { get; }

    public B12Content Content { get; }

    /// <summary>The handoff texts (dialogs/handoff.yaml), when the folder has them.</summary>
    public HandoffContent? Handoff { get; }

    public UnderstandingModel Model { get; }

    /// <summary>The saved embeddings (dialogs/content-embeddings.bin) the matcher was built from, with its hit counts.</summary>
    public ContentEmbeddingCache Embeddings { get; }

    public FaqMatcher Matcher { get; }

    public SafetyTriage Triage { get; }

    public SafetyReplies SafetyReplies { get; }

    /// <summary>The safety triage middleware of this content (the pipeline runs it through <see cref="CurrentSafetyTriageMiddleware"/>).</summary>
    public SafetyTriageMiddleware TriageMiddleware { get; }

    /// <summary>The bot and its dialogs over this content (run through <see cref="Bots.CurrentContentBot"/>).</summary>
    public IBot Bot { get; }
}
