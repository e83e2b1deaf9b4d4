using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// Recognises "talk to a person" and the visitor's "end chat", from the words in dialogs/handoff.yaml. A request is
/// one of the phrases, the button's text, or a short message (at most <see cref="MaxRequestWords"/> words) with a
/// talk word and a people word ("can I speak to someone about my results"). Built once; no per-turn allocation of rules.
/// </summary>
public sealed class HandoffRequestRecognizer
{
    public const int MaxRequestWords = 12;

    private readonly HashSet<string> _phrases;
    private readonly HashSet<string> _talkWords;
    private readonly HashSet<string> _peopleWords;
    private readonly HashSet<string> _endWords;
    private readonly HashSet<string> _callbackWords;

    public HandoffRequestRecognizer(HandoffContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _phrases = new HashSet<string>(content.RequestPhrases, StringComparer.Ordinal) { TextNormalizer.Normalize(content.Button) };
        _talkWords = new HashSet<string>(content.TalkWords, StringComparer.Ordinal);
        _peopleWords = new HashSet<string>(content.PeopleWords, StringComparer.Ordinal);
        _endWords = new HashSet<string>(content.EndWords, StringComparer.Ordinal);
        _callbackWords = new HashSet<string>(StringComparer.Ordinal) { TextNormalizer.Normalize(content.Texts[HandoffContent.CallbackButton]) };
    }

    public bool IsRequest(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return false;
        }

        if (_phrases.Contains(normalized))
        {
            return true;
        }

        var words = TextNormalizer.Tokenize(normalized);
        return words.Length <= MaxRequestWords && words.Any(_talkWords.Contains) && words.Any(_peopleWords.Contains);
    }

    public bool IsEnd(string? text) => _endWords.Contains(Normalize(text));

    public bool IsCallbackChoice(string? text) => _callbackWords.Contains(Normalize(text));

    private static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return string.Empty;
        }

        var normalized = TextNormalizer.Normalize(text);
        return normalized.EndsWith(" please", StringComparison.Ordinal) ? normalized[..^7] : normalized;
    }
}
