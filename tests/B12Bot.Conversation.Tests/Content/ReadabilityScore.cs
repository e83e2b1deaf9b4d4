using System.Text.RegularExpressions;

namespace B12Bot.Conversation.Tests.Content;

/// <summary>
/// The Flesch-Kincaid grade level of a short Markdown answer:
/// 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
/// Markdown is stripped first. A sentence ends at '.', '!' or '?', and every list item (like the line that introduces
/// the list) counts as a sentence of its own, as a reader meets it. Syllables come from a simple counter
/// (vowel groups, less a silent final e and the usual silent -ed/-es endings); it is off by one on some words, as all
/// such counters are, but it is the same for every answer, which is what a ceiling needs.
/// </summary>
public static partial class ReadabilityScore
{
    public static double Grade(string markdown)
    {
        var text = StripMarkdown(markdown);
        var words = Words(text);
        if (words.Count == 0)
        {
            return 0;
        }

        var sentences = Math.Max(1, CountSentences(text));
        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    /// <summary>Removes emphasis, code marks and link targets; keeps list markers so items can be told apart.</summary>
    public static string StripMarkdown(string markdown)
    {
        var text = markdown.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        return LinkPattern().Replace(text, "$1");
    }

    public static int CountSentences(string text)
    {
        var count = 0;
        foreach (var block in Blocks(text))
        {
            count += SentenceEnd().Split(block).Count(part => part.Any(char.IsLetterOrDigit));
        }

        return count;
    }

    public static IReadOnlyList<string> Words(string text) =>
        [.. text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit))];

    /// <summary>Syllables in one word as written ("needle" 2, "made" 1, "needed" 2); a number counts one per digit, up to 4.</summary>
    public static int Syllables(string word)
    {
        var digits = word.Count(char.IsDigit);
        if (digits > 0)
        {
            return Math.Min(4, digits);
        }

        var letters = new string([.. word.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z')]);
        if (letters.Length == 0)
        {
            return 0;
        }

        if (letters.Length <= 3)
        {
            return 1;
        }

        var groups = VowelGroup().Count(letters);
        if (groups > 1 && IsSilentEnding(letters))
        {
            groups--;
        }

        return Math.Max(1, groups);
    }

    private static bool IsSilentEnding(string word)
    {
        var beforeLast = word[^3];
        return (word.EndsWith('e') && !word.EndsWith("le", StringComparison.Ordinal) && !word.EndsWith("ee", StringComparison.Ordinal))
               || (word.EndsWith("ed", StringComparison.Ordinal) && beforeLast is not ('t' or 'd'))
               || (word.EndsWith("es", StringComparison.Ordinal) && beforeLast is not ('s' or 'x' or 'z' or 'c' or 'g' or 'h'));
    }

    /// <summary>Splits text into blocks that each hold whole sentences: each list item, and the text around the list.</summary>
    private static List<string> Blocks(string text)
    {
        var blocks = new List<string>();
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                blocks.Add(current);
                current = line[2..];
            }
            else
            {
                current = (current + " " + line).Trim();
            }
        }

        blocks.Add(current);
        return blocks;
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
