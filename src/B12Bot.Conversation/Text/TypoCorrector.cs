using System.Numerics;

namespace B12Bot.Conversation.Text;

/// <summary>
/// Finds the known word closest to a misspelt one ("injecton" -> "injection", "tounge" -> "tongue"). Words are bucketed by
/// length and screened by their letter sets before any edit distance is computed, so a lookup stays in microseconds.
/// </summary>
public sealed class TypoCorrector
{
    private readonly Dictionary<int, List<Candidate>> _byLength = [];
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

            if (!_byLength.TryGetValue(word.Length, out var bucket))
            {
                bucket = [];
                _byLength[word.Length] = bucket;
            }

            bucket.Add(new Candidate(word, EditDistance.LetterMask(word), priority));
        }
    }

    /// <summary>Shortest word that is ever corrected: shorter ones have too many real neighbours.</summary>
    public int MinimumLength { get; init; } = 4;

    /// <summary>Words shorter than this are only repaired by inserting a dropped letter or swapping two letters.</summary>
    public int CarefulBelowLength { get; init; } = 5;

    /// <summary>From this length on, two edits are allowed (with the same first letter); below it, one.</summary>
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
            if (!_byLength.TryGetValue(length, out var bucket))
            {
                continue;
            }

            foreach (var candidate in bucket)
            {
                // Four-letter words have many real neighbours ("cats"/"eats"): only a dropped letter ("pils" -> "pills")
                // or two swapped letters are repaired there, never a substitution.
                if (word.Length < CarefulBelowLength && candidate.Word.Length <= word.Length && candidate.Mask != mask)
                {
                    continue;
                }

                var allowed = Math.Max(word.Length, candidate.Word.Length) >= TwoEditLength && candidate.Word[0] == word[0] ? 2 : 1;
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

        return best;
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

    private readonly record struct Candidate(string Word, int Mask, int Priority);
}
