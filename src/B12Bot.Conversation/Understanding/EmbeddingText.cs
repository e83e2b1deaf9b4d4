using System.Globalization;
using System.Text;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Prepares a message for the model's word-piece tokenizer, which splits only on spaces and ASCII punctuation and knows
/// unaccented lower-case words: bounds the length (beginning and end kept), folds compatibility forms and accents
/// ("ﬁne", "café"), turns every kind of white space into one space, drops control and format characters, maps curly
/// quotes and dashes to ASCII, sets other punctuation apart so it does not glue words together, and drops unpaired
/// surrogates (a cut emoji, a bad client), which Unicode normalisation refuses with an exception.
/// </summary>
internal static class EmbeddingText
{
    /// <summary>Share of the kept characters (or word pieces) taken from the beginning; the rest comes from the end.</summary>
    internal const int HeadShareDivisor = 4;

    public static string Prepare(string text, int maxCharacters)
    {
        var bounded = WithoutLoneSurrogates(KeepHeadAndTail(text, maxCharacters));
        var folded = bounded.IsNormalized(NormalizationForm.FormKD) ? bounded : bounded.Normalize(NormalizationForm.FormKD);

        var prepared = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.Format:
                    continue;
                case UnicodeCategory.Control or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    pendingSpace = prepared.Length > 0;
                    continue;
                case UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation:
                    Append(prepared, c is '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' ? '"' : '\'', ref pendingSpace);
                    continue;
                case UnicodeCategory.DashPunctuation:
                    Append(prepared, '-', ref pendingSpace);
                    continue;
                case UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.ConnectorPunctuation when c > '\u007F':
                    // Set apart, as BERT's own tokenizer does, so "really¿why" stays two words.
                    pendingSpace = prepared.Length > 0;
                    Append(prepared, c, ref pendingSpace);
                    pendingSpace = true;
                    continue;
                default:
                    Append(prepared, char.ToLowerInvariant(c), ref pendingSpace);
                    continue;
            }
        }

        return prepared.ToString();
    }

    private static void Append(StringBuilder prepared, char c, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            prepared.Append(' ');
            pendingSpace = false;
        }

        prepared.Append(c);
    }

    /// <summary>The text without unpaired surrogates; the text itself (no copy) when every pair is whole.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        var firstLone = -1;
        for (var i = 0; i < text.Length && firstLone < 0; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                firstLone = i;
            }
        }

        if (firstLone < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        kept.Append(text.AsSpan(0, firstLone));
        for (var i = firstLone; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }

    /// <summary>At most <paramref name="maxCharacters"/> characters: a quarter from the beginning, the rest from the end.</summary>
    private static string KeepHeadAndTail(string text, int maxCharacters)
    {
        if (text.Length <= maxCharacters)
        {
            return text;
        }

        var head = maxCharacters / HeadShareDivisor;
        // One character goes to the space between the two parts, so preparing prepared text changes nothing.
        var tailStart = text.Length - (maxCharacters - head - 1);
        // Never cut a surrogate pair in half.
        if (head > 0 && char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }

        if (char.IsLowSurrogate(text[tailStart]))
        {
            tailStart++;
        }

        return string.Concat(text.AsSpan(0, head), " ", text.AsSpan(tailStart));
    }
}
