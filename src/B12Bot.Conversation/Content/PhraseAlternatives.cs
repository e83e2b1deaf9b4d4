using System.Text;

namespace B12Bot.Conversation.Content;

/// <summary>
/// Expands a phrase written with alternatives into every phrase it stands for, so the clinic writes
/// "(nearly|almost|) fainted (getting|having) my ears pierced" once instead of six phrases. A group is
/// "(a|b|c)", an empty alternative means the words may be left out, groups do not nest. The loader checks how they
/// are written and keeps them so; the safety engine expands each once, into its phrase trie.
/// </summary>
internal static class PhraseAlternatives
{
    /// <summary>The most phrases one written phrase may stand for: a bound on the work a content edit can ask of the load.</summary>
    public const int MaximumPhrases = 4096;

    /// <summary>
    /// The problem with the way <paramref name="written"/> is written, or null: what <see cref="Expand"/> would report,
    /// without building the phrases (the loader keeps phrases as written; the safety engine expands them once).
    /// </summary>
    public static string? Check(string written)
    {
        if (written.AsSpan().IndexOfAny('(', ')', '|') < 0)
        {
            return null;
        }

        if (Parse(written, out var parts) is { } problem)
        {
            return problem;
        }

        return CanStandForNoWords(parts) ? $"'{written}' can stand for no words at all" : null;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> every phrase <paramref name="written"/> stands for, in the order of the groups
    /// (the first group varies slowest). Returns null, or the problem with the way it is written.
    /// </summary>
    public static string? Expand(string written, List<string> into)
    {
        if (written.AsSpan().IndexOfAny('(', ')', '|') < 0)
        {
            into.Add(written);
            return null;
        }

        if (Parse(written, out var parts) is { } problem)
        {
            return problem;
        }

        if (CanStandForNoWords(parts))
        {
            return $"'{written}' can stand for no words at all";
        }

        Combine(parts, 0, new StringBuilder(), into);
        return null;
    }

    /// <summary>
    /// Every phrase the items of <paramref name="written"/> stand for, item after item: for lists the loader has already
    /// checked (a badly written item here is a programming error).
    /// </summary>
    public static IEnumerable<string> ExpandAll(IEnumerable<string> written)
    {
        var phrases = new List<string>();
        foreach (var phrase in written)
        {
            phrases.Clear();
            if (Expand(phrase, phrases) is { } problem)
            {
                throw new ArgumentException(problem, nameof(written));
            }

            foreach (var one in phrases)
            {
                yield return one;
            }
        }
    }

    /// <summary>Whether every part can be blank, so one combination is no words at all.</summary>
    private static bool CanStandForNoWords(List<string[]> parts) => parts.TrueForAll(part => Array.Exists(part, string.IsNullOrWhiteSpace));

    /// <summary>Splits <paramref name="written"/> into its literal parts and groups; null, or the problem with it.</summary>
    private static string? Parse(string written, out List<string[]> parts)
    {
        parts = [];
        var literal = new StringBuilder();
        var position = 0;
        while (position < written.Length)
        {
            var c = written[position];
            if (c == ')')
            {
                return $"'{written}' has a ')' without its '('";
            }

            if (c == '|')
            {
                return $"'{written}' has a '|' outside '( )': alternatives go inside a group, as in '(a|b)'";
            }

            if (c != '(')
            {
                literal.Append(c);
                position++;
                continue;
            }

            var close = written.IndexOf(')', position + 1);
            if (close < 0)
            {
                return $"'{written}' has a '(' without its ')'";
            }

            var group = written[(position + 1)..close];
            if (group.Contains('(', StringComparison.Ordinal))
            {
                return $"'{written}' has a group inside a group: groups do not nest";
            }

            if (!group.Contains('|', StringComparison.Ordinal))
            {
                return $"'{written}' has a group without '|': write '(a|b)', or '(a|)' for words that may be left out";
            }

            parts.Add([literal.ToString()]);
            literal.Clear();
            parts.Add(group.Split('|'));
            position = close + 1;
        }

        parts.Add([literal.ToString()]);
        long count = 1;
        foreach (var part in parts)
        {
            count *= part.Length;
            if (count > MaximumPhrases)
            {
                return $"'{written}' stands for more than {MaximumPhrases} phrases: split it";
            }
        }

        return null;
    }

    private static void Combine(List<string[]> parts, int index, StringBuilder prefix, List<string> phrases)
    {
        if (index == parts.Count)
        {
            phrases.Add(string.Join(' ', prefix.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            return;
        }

        var length = prefix.Length;
        foreach (var alternative in parts[index])
        {
            prefix.Append(alternative);
            Combine(parts, index + 1, prefix, phrases);
            prefix.Length = length;
        }
    }
}
