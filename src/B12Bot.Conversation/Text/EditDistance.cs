namespace B12Bot.Conversation.Text;

/// <summary>Optimal-string-alignment (restricted Damerau-Levenshtein) distance with an early exit.</summary>
public static class EditDistance
{
    /// <summary>
    /// The number of single-letter insertions, deletions, substitutions and swaps of neighbours that turn
    /// <paramref name="a"/> into <paramref name="b"/>, or <c>max + 1</c> as soon as it is certain to exceed <paramref name="max"/>.
    /// </summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        if (b.Length > 64)
        {
            return max + 1; // words, not paragraphs
        }

        var width = b.Length + 1;
        Span<int> previousPrevious = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > max)
            {
                return max + 1;
            }

            var recycled = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>A 26-bit set of the letters in a word: two words within distance d differ in at most 2d letters.</summary>
    public static int LetterMask(ReadOnlySpan<char> word)
    {
        var mask = 0;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z')
            {
                mask |= 1 << (c - 'a');
            }
        }

        return mask;
    }
}
