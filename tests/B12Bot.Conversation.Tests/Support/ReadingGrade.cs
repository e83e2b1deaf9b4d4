using System.Text.RegularExpressions;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>
/// The Flesch-Kincaid grade level of a text (0.39 words per sentence + 11.8 syllables per word - 15.59), with a plain
/// vowel-group syllable count. Rough, like every readability score, but enough to keep reviewed text at about grade 6-8.
/// </summary>
public static partial class ReadingGrade
{
    public static double Of(string text)
    {
        var plain = text.Replace("**", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
        var words = WordPattern().Matches(plain).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        var sentences = Math.Max(1, SentenceEndPattern().Matches(plain).Count);
        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    public static int Syllables(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Any(char.IsDigit))
        {
            return 1; // "B12", "911": read as short tokens
        }

        var groups = VowelGroupPattern().Matches(lower).Count;
        if (lower.Length > 2 && lower.EndsWith('e') && !lower.EndsWith("le", StringComparison.Ordinal) && groups > 1)
        {
            groups--; // silent final e: "take", "cause"
        }

        return Math.Max(1, groups);
    }

    [GeneratedRegex(@"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?]+(?=\s|$)")]
    private static partial Regex SentenceEndPattern();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroupPattern();
}
