using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The free-text intents the understanding scores, in a fixed order (their index is their number in every score array).
/// Commands and small talk are whole-message intents (<see cref="ExactIntentRecognizer"/>). Adding an intent is its
/// content plus one registration below.
/// </summary>
public sealed class IntentCatalog
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);

    private IntentCatalog(IReadOnlyList<Intent> intents, IReadOnlyList<string> outOfScopeExamples)
    {
        Intents = intents;
        OutOfScopeExamples = outOfScopeExamples;
        for (var i = 0; i < intents.Count; i++)
        {
            _indexById[intents[i].Id] = i;
        }
    }

    public IReadOnlyList<Intent> Intents { get; }

    public int Count => Intents.Count;

    /// <summary>
    /// Questions about subjects the bot does not answer (dialogs/out-of-scope.yaml): not intents, but evidence that a
    /// message is about something else when its meaning is closer to one of them than to any intent.
    /// </summary>
    public IReadOnlyList<string> OutOfScopeExamples { get; }

    public int IndexOf(string id) => _indexById.TryGetValue(id, out var index) ? index : -1;

    /// <param name="content">The loaded content.</param>
    /// <param name="keepPhrasing">
    /// For model fitting only: which phrasings (intent id, phrasing number) to keep, so held-out phrasings can be scored
    /// against an index that never saw them. Null keeps all. Examples are numbered after the phrasings.
    /// </param>
    /// <param name="keepOutOfScopeExample">For model fitting only: which out-of-scope examples (by number) to keep. Null keeps all.</param>
    public static IntentCatalog FromContent(B12Content content, Func<string, int, bool>? keepPhrasing = null, Func<int, bool>? keepOutOfScopeExample = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var intents = new List<Intent>();

        // Registrations.
        intents.AddRange(content.Faq.Select(Intent.ForFaq));
        intents.Add(Intent.ForWalkthrough(content.Walkthrough));

        if (keepPhrasing is not null)
        {
            intents = [.. intents.Select(intent => intent with
            {
                Phrasings = [.. intent.Phrasings.Where((_, number) => keepPhrasing(intent.Id, number))],
                Examples = [.. intent.Examples.Where((_, number) => keepPhrasing(intent.Id, intent.Phrasings.Count + number))],
            })];
        }

        IReadOnlyList<string> outOfScope = [.. content.OutOfScope.SelectMany(subject => subject.Examples)];
        if (keepOutOfScopeExample is not null)
        {
            outOfScope = [.. outOfScope.Where((_, number) => keepOutOfScopeExample(number))];
        }

        return new IntentCatalog(intents, outOfScope);
    }
}
