namespace B12Bot.Conversation.Content;

public enum ContentReloadResult
{
    /// <summary>The edited content was valid and is live from the next turn.</summary>
    Applied,

    /// <summary>The edited content had problems; the content in use stays live.</summary>
    Refused,

    /// <summary>The files are byte for byte what is live (an editor touched them): nothing rebuilt.</summary>
    Unchanged,
}

/// <summary>What one reload did, in counts (the problems name file:line, never a visitor's words).</summary>
public sealed record ContentReloadOutcome(
    ContentReloadResult Result,
    int Version,
    int FaqEntries,
    int TextsEmbedded,
    int TextsFromSavedEmbeddings,
    IReadOnlyList<ContentProblem> Problems,
    TimeSpan Elapsed);
