using B12Bot.Conversation.Content;
using B12Bot.Conversation.Text;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// Recognizes a typed answer to a walkthrough question from the choice labels and synonyms in dialogs/walkthrough.yaml:
/// the whole message, or the longest synonym found in it ("yes I do", "nope not at all", "I'm vegan").
/// </summary>
public sealed class WalkthroughAnswerRecognizer
{
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
                    var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(phrase));
                    if (words.Length > 0)
                    {
                        phrases.Add((words, i));
                    }
                }
            }

            // Longest phrase first, so "not sure" beats "no" and "still low" beats "low".
            phrases.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            _byQuestion[question.Id] = [.. phrases];
        }
    }

    /// <summary>The index of the choice the message picks, or -1.</summary>
    public int Recognize(WalkthroughQuestion question, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !_byQuestion.TryGetValue(question.Id, out var phrases))
        {
            return -1;
        }

        var words = TextNormalizer.Tokenize(TextNormalizer.Normalize(text));
        if (words.Length == 0 || words.Length > 12)
        {
            return -1; // a long message is a question or a story, not an answer
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

        return best;
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
