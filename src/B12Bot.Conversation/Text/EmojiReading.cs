using System.Globalization;
using System.Text;

namespace B12Bot.Conversation.Text;

/// <summary>
/// Reads a message made only of emoji ("👍", "😊🙏"), which has no words for the matcher: its symbols without what only
/// dresses them (skin tones, the emoji presentation selector, the joiner of combined emoji, spaces).
/// </summary>
public static class EmojiReading
{
    /// <summary>Longer messages are not read as emoji alone (bounded work for a pasted wall of symbols).</summary>
    public const int MaxCharacters = 64;

    /// <summary>Whether <paramref name="text"/> has at least one emoji and nothing but emoji and their dressing.</summary>
    public static bool IsEmojiOnly(string text) => Read(text, into: null);

    /// <summary>The emoji of <paramref name="text"/> in order, their dressing left out; empty when it is not emoji only.</summary>
    public static List<int> Symbols(string text)
    {
        var symbols = new List<int>();
        if (text.Length > MaxCharacters || !Read(text, symbols))
        {
            symbols.Clear();
        }

        return symbols;
    }

    /// <summary>One pass over the runes: false at the first that is neither an emoji nor its dressing.</summary>
    private static bool Read(string text, List<int>? into)
    {
        ArgumentNullException.ThrowIfNull(text);
        var any = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsDressing(rune))
            {
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.OtherSymbol)
            {
                return false;
            }

            into?.Add(rune.Value);
            any = true;
        }

        return any;
    }

    private static bool IsDressing(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || rune.Value is 0xFE0E or 0xFE0F or 0x200D // text / emoji presentation, zero-width joiner
        || rune.Value is >= 0x1F3FB and <= 0x1F3FF; // skin tones
}
