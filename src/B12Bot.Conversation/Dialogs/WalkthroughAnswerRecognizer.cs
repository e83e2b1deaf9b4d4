using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// Recognizes a typed answer to a walkthrough question from the choice labels and synonyms in dialogs/walkthrough.yaml:
/// the whole message, or the longest phrase found in it ("yes I do", "nope not at all", "I'm vegan"). A question's
/// ambiguous phrases take part in the same contest, so a bare "no" to the lab question is ambiguous while "no, tablets
/// didn't help" is the longer "tablets didn't help".
/// </summary>
public sealed class WalkthroughAnswerRecognizer
{
    /// <summary>Stands for the question's ambiguous phrases in the phrase table.</summary>
    private const int AmbiguousChoice = -2;

    /// <summary>Longer messages are questions or stories, not answers.</summary>
    private const int MaxAnswerWords = 12;

    private static readonly HashSet<string> QuestionWords = new(["what", "whats", "why", "how", "hows", "when", "where", "which", "who"], StringComparer.Ordinal);

    private readonly Dictionary<string, (string[] Words, int Choice)[]> _byQuestion = new(StringComparer.Ordinal);

    public WalkthroughAnswerRecognizer(Walkthrough walkthrough)
    {
        ArgumentNullException.ThrowIfNull(walkthrough);
        foreach (var question in walkthrough.Questions)
        {
            var phrases = new List<(string[] Words, int Choice)>();
            for (var i = 0; i < question.Choices.Count; i++)
            {
                var choice = question.Choices[i];
                foreach (var phrase in choice.Synonyms.Append(choice.Label).Append(choice.Value))
                {
                    Add(phrases, phrase, i);
                }
            }

            foreach (var phrase in question.Ambiguity?.Phrases ?? [])
            {
                Add(phrases, phrase, AmbiguousChoice);
            }

            // Longest phrase first, so "not sure" beats "no" and "still low" beats "low".
            phrases.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            _byQuestion[question.Id] = [.. phrases];
        }
    }

    public RecognizedAnswer Recognize(WalkthroughQuestion question, string? text)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(text) || !_byQuestion.TryGetValue(question.Id, out var phrases))
        {
            return RecognizedAnswer.None;
        }

        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(text));
        if (words.Length == 0 || words.Length > MaxAnswerWords || (words.Length > 1 && QuestionWords.Contains(words[0])))
        {
            return RecognizedAnswer.None; // "what do you mean by low" is a question for the FAQ, not the answer "low"
        }

        // The longest phrase found wins; between equally long ones, the one that ends later ("I'm not sure" is unsure,
        // not "I'm not").
        int best = -1, bestLength = 0, bestEnd = -1;
        foreach (var (phrase, choice) in phrases)
        {
            if (phrase.Length < bestLength)
            {
                break;
            }

            var end = LastEnd(words, phrase);
            if (end > bestEnd || (end >= 0 && phrase.Length > bestLength))
            {
                best = choice;
                bestLength = phrase.Length;
                bestEnd = end;
            }
        }

        var whole = bestLength == words.Length;
        return best switch
        {
            AmbiguousChoice => RecognizedAnswer.Ambiguous with { IsWholeMessage = whole },
            >= 0 when bestEnd >= 0 => new RecognizedAnswer(best, false, whole),
            _ => RecognizedAnswer.None,
        };
    }

    private static void Add(List<(string[] Words, int Choice)> phrases, string phrase, int choice)
    {
        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(phrase));
        if (words.Length > 0)
        {
            phrases.Add((words, choice));
        }
    }

    /// <summary>Where the last occurrence of <paramref name="phrase"/> in <paramref name="words"/> ends, or -1.</summary>
    private static int LastEnd(string[] words, string[] phrase)
    {
        for (var start = words.Length - phrase.Length; start >= 0; start--)
        {
            var matches = true;
            for (var k = 0; k < phrase.Length && matches; k++)
            {
                matches = words[start + k] == phrase[k];
            }

            if (matches)
            {
                return start + phrase.Length;
            }
        }

        return -1;
    }
}
