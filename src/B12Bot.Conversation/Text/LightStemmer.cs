namespace B12Bot.Conversation.Text;

/// <summary>
/// A small English suffix stripper: enough to make "shots"/"shot", "injections"/"injection", "tingling"/"tingle" and
/// "worried"/"worry" meet. It only has to be consistent, because content and messages go through the same function;
/// irregular forms belong in the synonym lists of dialogs/language.yaml.
/// </summary>
public static class LightStemmer
{
    /// <summary>Words shorter than this are never stemmed.</summary>
    public const int MinStemmedLength = 4;

    public static string Stem(string word)
    {
        if (word.Length < MinStemmedLength || !IsLetters(word))
        {
            return word;
        }

        var stem = StripSuffix(word);

        // A final silent "e" goes too, so "breathe"/"breathing" and "cause"/"causing" meet.
        return stem.Length >= 4 && stem[^1] == 'e' && stem[^2] != 'e' ? stem[..^1] : stem;
    }

    private static string StripSuffix(string word)
    {

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return UndoubleOrRestoreE(word.AsSpan(0, word.Length - 3));
        }

        if (word.EndsWith("ied", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return UndoubleOrRestoreE(word.AsSpan(0, word.Length - 2));
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }

        return word;
    }

    private static string UndoubleOrRestoreE(ReadOnlySpan<char> stem)
    {
        if (stem.Length >= 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e' or 'o'))
        {
            return stem[..^1].ToString(); // "swelling" keeps ll; "stopped" -> "stop"
        }

        // "breathing" -> "breath", "causing" -> "caus": both sides stem the same way, so the lost "e" does not matter.
        return stem.ToString();
    }

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
