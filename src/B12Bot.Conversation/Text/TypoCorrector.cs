using System.Numerics;

namespace B12Bot.Conversation.Text;

/// <summary>
/// Finds the known word closest to a misspelt one ("injecton" -> "injection", "tounge" -> "tongue"). Words are bucketed by
/// length and screened by their letter sets before any edit distance is computed, so a lookup stays in microseconds.
/// </summary>
public sealed class TypoCorrector
{
    private readonly Dictionary<(int Length, char First), List<Candidate>> _buckets = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <param name="words">Words to correct towards. A higher priority wins a tie in distance.</param>
    public TypoCorrector(IEnumerable<(string Word, int Priority)> words)
    {
        foreach (var (word, priority) in words)
        {
            if (word.Length == 0 || !_known.Add(word))
            {
                continue;
            }

            if (!_buckets.TryGetValue((word.Length, word[0]), out var bucket))
            {
                bucket = [];
                _buckets[(word.Length, word[0])] = bucket;
            }

            bucket.Add(new Candidate(word, EditDistance.LetterMask(word), priority));
        }
    }

    /// <summary>Shortest word that is ever corrected: shorter ones have too many real neighbours.</summary>
    public int MinimumLength { get; init; } = 4;

    /// <summary>Words shorter than this are only repaired by inserting a dropped letter or swapping two letters.</summary>
    public int CarefulBelowLength { get; init; } = 5;

    /// <summary>From this length on, two edits are allowed; below it, one.</summary>
    public int TwoEditLength { get; init; } = 8;

    public bool IsKnown(string word) => _known.Contains(word);

    /// <summary>The closest known word within the allowed distance, or null if there is none (or the word is known).</summary>
    public string? Correct(string word)
    {
        if (word.Length < MinimumLength || _known.Contains(word) || !IsLetters(word))
        {
            return null;
        }

        var mask = EditDistance.LetterMask(word);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestPriority = int.MinValue;
        var maxAllowed = word.Length + 1 >= TwoEditLength ? 2 : 1;
        for (var length = word.Length - maxAllowed; length <= word.Length + maxAllowed; length++)
        {
            // Typos keep the first letter or swap the first two, so only two buckets per length can hold the answer.
            if (_buckets.TryGetValue((length, word[0]), out var sameStart))
            {
                Consider(sameStart, word, mask, ref best, ref bestDistance, ref bestPriority);
            }

            if (word[1] != word[0] && _buckets.TryGetValue((length, word[1]), out var swappedStart))
            {
                Consider(swappedStart, word, mask, ref best, ref bestDistance, ref bestPriority);
            }
        }

        return best;
    }

    private void Consider(List<Candidate> bucket, string word, int mask, ref string? best, ref int bestDistance, ref int bestPriority)
    {
        foreach (var candidate in bucket)
        {
            // Four-letter words have many real neighbours ("cats"/"eats"): only a dropped letter ("pils" -> "pills")
            // or two swapped letters are repaired there, never a substitution.
            if (word.Length < CarefulBelowLength && candidate.Word.Length <= word.Length && candidate.Mask != mask)
            {
                continue;
            }

            // Real typos keep the first letter (or swap the first two) and rarely add a letter to a short word, while
            // ordinary words the content never uses ("score", "mount") sit one edit from content words ("sore", "amount").
            if (!SameStart(word, candidate.Word) || (candidate.Word.Length < word.Length && word.Length < 7 && !HasDoubleLetter(word)))
            {
                continue;
            }

            var allowed = Math.Max(word.Length, candidate.Word.Length) >= TwoEditLength ? 2 : 1;
            if (BitOperations.PopCount((uint)(mask ^ candidate.Mask)) > 2 * allowed)
            {
                continue;
            }

            var distance = EditDistance.Distance(word, candidate.Word, allowed);
            if (distance > allowed)
            {
                continue;
            }

            if (distance < bestDistance || (distance == bestDistance && candidate.Priority > bestPriority))
            {
                best = candidate.Word;
                bestDistance = distance;
                bestPriority = candidate.Priority;
            }
        }
    }

    private static bool SameStart(string word, string candidate) =>
        word[0] == candidate[0] || (word.Length > 1 && candidate.Length > 1 && word[0] == candidate[1] && word[1] == candidate[0]);

    private static bool HasDoubleLetter(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] == word[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Only the letters a to z (the normalised vocabulary words typo correction works on).</summary>
    internal static bool IsLetters(string word)
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

    private readonly record struct Candidate(string Word, int Mask, int Priority);
}
