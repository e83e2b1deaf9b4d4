using System.Globalization;
using System.Text;

namespace B12Bot.Conversation.Text;

/// <summary>
/// Turns free text into the plain lower-case word stream every matcher here works on: apostrophes vanish
/// ("can't" -> "cant"), accents are dropped, letters and digits are split apart ("b12" -> "b 12", "1000mcg" ->
/// "1000 mcg") so that "b12", "b-12" and "b 12" all read the same, "&amp;" reads "and", and everything else is a space.
/// Content phrases go through the same function, so both sides always agree.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Longest input the matcher looks at; the rest of a very long message is ignored for matching.</summary>
    public const int MaxInputLength = 2000;

    public static string Normalize(string? text) => Normalize(text.AsSpan(), keepSentenceMarks: false);

    /// <summary>
    /// Normalizes <paramref name="text"/>. With <paramref name="keepSentenceMarks"/>, sentence ends (. ! ? ; and line
    /// breaks) become " . " and commas or colons become " , ", for readers that care about clause boundaries.
    /// </summary>
    /// <param name="clauseMarks">
    /// With <paramref name="keepSentenceMarks"/>, for readers of clauses: a question mark becomes " ? " (not " . "), and a
    /// colon ends a sentence (" . ", not " , "): "my question is about my inhaler: how often can i use it?"; a dash between
    /// words is a comma.
    /// </param>
    public static string Normalize(ReadOnlySpan<char> text, bool keepSentenceMarks, int maxLength = MaxInputLength, bool clauseMarks = false)
    {
        if (text.Length > maxLength)
        {
            // Cut at the last space before the limit: half a word at the cut ("... are b") would be read as a word.
            var lastSpace = text[..maxLength].LastIndexOfAny(' ', '\n', '\t');
            text = text[..(lastSpace > 0 ? lastSpace : maxLength)];
        }

        var builder = new StringBuilder(text.Length + 16);
        var previous = CharKind.Space;
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4')
            {
                continue; // "can't" -> "cant", "b12's" -> "b12s"
            }

            if (c > 127)
            {
                c = Fold(c);
            }

            CharKind kind;
            if (char.IsAsciiLetter(c))
            {
                kind = CharKind.Letter;
                c = char.ToLowerInvariant(c);
            }
            else if (char.IsAsciiDigit(c))
            {
                kind = CharKind.Digit;
            }
            else if (c == '&')
            {
                AppendSpace(builder);
                builder.Append("and");
                AppendSpace(builder);
                previous = CharKind.Space;
                continue;
            }
            else if (clauseMarks && c == '.' && previous == CharKind.Digit && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]))
            {
                // A dot between digits is a decimal point ("my tsh was 6.2"), not a sentence end.
                AppendSpace(builder);
                previous = CharKind.Space;
                continue;
            }
            else if (clauseMarks && c == '-' && (text[index] != '-' || (index > 0 && char.IsWhiteSpace(text[index - 1]) && index + 1 < text.Length && char.IsWhiteSpace(text[index + 1]))))
            {
                // A dash between words joins two clauses as a comma does ("i get b12 jabs here - how much are travel
                // vaccines?"); a hyphen inside a word ("b12-related") does not. Fold has already turned en and em dashes
                // into '-', so one that was not a '-' as typed always counts; a typed '-' counts only with spaces around.
                AppendMark(builder, ',');
                previous = CharKind.Space;
                continue;
            }
            else if (keepSentenceMarks && c is '.' or '!' or '?' or ';' or '\n' or '\r')
            {
                AppendMark(builder, clauseMarks && c == '?' ? '?' : '.');
                previous = CharKind.Space;
                continue;
            }
            else if (keepSentenceMarks && c is ',' or ':')
            {
                AppendMark(builder, clauseMarks && c == ':' ? '.' : ',');
                previous = CharKind.Space;
                continue;
            }
            else
            {
                AppendSpace(builder);
                previous = CharKind.Space;
                continue;
            }

            if (previous != CharKind.Space && previous != kind)
            {
                builder.Append(' ');
            }

            builder.Append(c);
            previous = kind;
        }

        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>Splits normalized text into words (no empty entries).</summary>
    public static string[] Tokenize(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void AppendSpace(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }

    private static void AppendMark(StringBuilder builder, char mark)
    {
        AppendSpace(builder);
        if (builder.Length >= 2 && builder[^2] == mark)
        {
            return; // "!!!" is one mark
        }

        builder.Append(mark).Append(' ');
    }

    /// <summary>Folds an accented or full-width letter to its ASCII base where there is one ("é" -> "e").</summary>
    private static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0); // full-width ASCII forms
        }

        if (char.IsWhiteSpace(c) || char.IsSurrogate(c) || char.IsControl(c) || c >= '\uFFF0')
        {
            return ' '; // emoji halves, lone surrogates and non-characters carry no words (and cannot be normalized)
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var part in decomposed)
        {
            if (part < 128)
            {
                return part;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                break;
            }
        }

        return c switch
        {
            '\u00DF' => 's',
            '\u00E6' or '\u00C6' => 'e',
            '\u00F8' or '\u00D8' => 'o',
            '\u2013' or '\u2014' => '-',
            _ => ' ',
        };
    }

    private enum CharKind
    {
        Space,
        Letter,
        Digit,
    }
}
