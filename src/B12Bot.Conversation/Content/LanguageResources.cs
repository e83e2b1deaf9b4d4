namespace B12Bot.Conversation.Content;

/// <summary>How messages are read: stop words, synonyms (concept -> words and phrases) and topic words.</summary>
public sealed class LanguageResources
{
    public required IReadOnlyList<string> Stopwords { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; init; }
    public required IReadOnlyList<string> TopicWords { get; init; }

    /// <summary>Concepts that say what kind of answer is wanted; they weigh more when matching.</summary>
    public IReadOnlyList<string> IntentCues { get; init; } = [];

    /// <summary>Concepts that tie a message to B12 itself (b12, injection, deficiency ...), as opposed to health in general.</summary>
    public IReadOnlyList<string> AnchorWords { get; init; } = [];

    /// <summary>Concepts that name another medicine, vitamin or condition: a message about them is out of scope.</summary>
    public IReadOnlyList<string> ForeignWords { get; init; } = [];
}
