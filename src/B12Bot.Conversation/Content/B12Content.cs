namespace B12Bot.Conversation.Content;

/// <summary>
/// All the bot's reviewed content, loaded and validated once at start-up by <see cref="B12ContentLoader"/>.
/// Dialogs and matchers read these objects, never the files.
/// </summary>
public sealed class B12Content
{
    private readonly Dictionary<string, FaqEntry> _faqById;

    public B12Content(
        IReadOnlyList<FaqEntry> faq,
        Walkthrough walkthrough,
        SafetyRules safety,
        BotMessages messages,
        LanguageResources language,
        string emergencyNumber)
    {
        Faq = faq;
        Walkthrough = walkthrough;
        Safety = safety;
        Messages = messages;
        Language = language;
        EmergencyNumber = emergencyNumber;
        _faqById = new Dictionary<string, FaqEntry>(StringComparer.Ordinal);
        foreach (var entry in faq)
        {
            _faqById[entry.Id] = entry;
        }

        MainTopicTitles = [.. messages.MainTopics.Where(_faqById.ContainsKey).Select(id => _faqById[id].Title), walkthrough.Title];
    }

    public IReadOnlyList<FaqEntry> Faq { get; }

    public Walkthrough Walkthrough { get; }

    public SafetyRules Safety { get; }

    public BotMessages Messages { get; }

    /// <summary>
    /// The quick replies offered with the welcome, help, scope and fallback messages: the main topics' titles
    /// (messages.yaml main_topics), then the walkthrough's. Built once here.
    /// </summary>
    public IReadOnlyList<string> MainTopicTitles { get; }

    public LanguageResources Language { get; }

    /// <summary>The subjects the bot does not answer, with example questions (dialogs/out-of-scope.yaml).</summary>
    public IReadOnlyList<OutOfScopeSubject> OutOfScope { get; init; } = [];

    /// <summary>The configured emergency number, already put into every text that says {emergencyNumber}.</summary>
    public string EmergencyNumber { get; }

    public FaqEntry GetEntry(string id) =>
        _faqById.TryGetValue(id, out var entry) ? entry : throw new KeyNotFoundException($"No FAQ entry '{id}'.");

    public bool TryGetEntry(string id, out FaqEntry entry) => _faqById.TryGetValue(id, out entry!);
}
