namespace BotRuntime.Dialogs.Choices;

/// <summary>
/// Finds choices named in an utterance, the way the Bot Framework SDK does: an exact match of the whole utterance
/// first; otherwise each value's words are looked for in order among the utterance's words, allowing a few other
/// words in between, and scored by how much of the value was found and how tightly.
/// </summary>
public static class Find
{
    private const int DefaultMaxTokenDistance = 2;

    public static List<ModelResult<FoundChoice>> FindChoices(string utterance, IList<string> choices, FindChoicesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return FindChoices(utterance, choices.Select(static value => new Choice(value)).ToList(), options);
    }

    public static List<ModelResult<FoundChoice>> FindChoices(string utterance, IList<Choice> choices, FindChoicesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(choices);
        var opt = options ?? new FindChoicesOptions();

        // Every text that names a choice, with the index of the choice it names.
        var synonyms = new List<SortedValue>();
        for (var index = 0; index < choices.Count; index++)
        {
            var choice = choices[index];
            if (!opt.NoValue && !string.IsNullOrEmpty(choice.Value))
            {
                synonyms.Add(new SortedValue(choice.Value, index));
            }

            if (!opt.NoAction && !string.IsNullOrEmpty(choice.Action?.Title))
            {
                synonyms.Add(new SortedValue(choice.Action.Title, index));
            }

            if (choice.Synonyms is not null)
            {
                foreach (var synonym in choice.Synonyms)
                {
                    if (!string.IsNullOrEmpty(synonym))
                    {
                        synonyms.Add(new SortedValue(synonym, index));
                    }
                }
            }
        }

        var found = FindValues(utterance, synonyms, opt);
        var results = new List<ModelResult<FoundChoice>>(found.Count);
        foreach (var value in found)
        {
            results.Add(new ModelResult<FoundChoice>
            {
                Start = value.Start,
                End = value.End,
                Text = value.Text,
                TypeName = "choice",
                Resolution = new FoundChoice
                {
                    Value = choices[value.Resolution.Index].Value,
                    Index = value.Resolution.Index,
                    Score = value.Resolution.Score,
                    Synonym = value.Resolution.Value,
                },
            });
        }

        return results;
    }

    public static List<ModelResult<FoundValue>> FindValues(string utterance, IList<SortedValue> values, FindValuesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(values);
        var opt = options ?? new FindValuesOptions();
        if (utterance.Length == 0 || values.Count == 0)
        {
            return [];
        }

        // a. The whole utterance is one of the values (case aside): that value alone, with a perfect score.
        var trimmed = utterance.Trim();
        foreach (var entry in values)
        {
            if (string.Equals(trimmed, entry.Value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                var start = utterance.IndexOf(trimmed, StringComparison.Ordinal);
                return
                [
                    new ModelResult<FoundValue>
                    {
                        Start = start,
                        End = start + trimmed.Length - 1,
                        Text = trimmed,
                        TypeName = "value",
                        Resolution = new FoundValue { Value = entry.Value, Index = entry.Index, Score = 1.0f },
                    },
                ];
            }
        }

        // b. Longest values first, so "red wine" is found before "red" claims its word.
        var sorted = values.OrderByDescending(static v => v.Value.Length).ToList();
        var tokenizer = opt.Tokenizer ?? Tokenizer.DefaultTokenizer;
        var tokens = tokenizer(utterance, opt.Locale);
        var maxDistance = opt.MaxTokenDistance ?? DefaultMaxTokenDistance;

        // c. Every occurrence of every value: search again after the end of each match ("the last time ... the last one").
        var matches = new List<ModelResult<FoundValue>>();
        foreach (var entry in sorted)
        {
            var searchedTokens = tokenizer(entry.Value.Trim(), opt.Locale);
            var startPos = 0;
            while (startPos < tokens.Count)
            {
                var match = MatchValue(tokens, maxDistance, opt.AllowPartialMatches, entry.Index, entry.Value, searchedTokens, startPos);
                if (match is null)
                {
                    break;
                }

                startPos = match.End + 1;
                matches.Add(match);
            }
        }

        // e. Best score first (stable, so equal scores keep longest-value-first order); one match per choice and per
        // word; then positions back to characters and results in utterance order.
        var results = new List<ModelResult<FoundValue>>();
        var foundIndexes = new HashSet<int>();
        var usedTokens = new HashSet<int>();
        foreach (var match in matches.OrderByDescending(static m => m.Resolution.Score))
        {
            if (foundIndexes.Contains(match.Resolution.Index) || Overlaps(usedTokens, match.Start, match.End))
            {
                continue;
            }

            foundIndexes.Add(match.Resolution.Index);
            for (var i = match.Start; i <= match.End; i++)
            {
                usedTokens.Add(i);
            }

            match.Start = tokens[match.Start].Start;
            match.End = tokens[match.End].End;
            match.Text = utterance.Substring(match.Start, match.End - match.Start + 1);
            results.Add(match);
        }

        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return results;
    }

    private static bool Overlaps(HashSet<int> usedTokens, int start, int end)
    {
        for (var i = start; i <= end; i++)
        {
            if (usedTokens.Contains(i))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOfToken(List<Token> tokens, Token token, int startPos)
    {
        for (var i = startPos; i < tokens.Count; i++)
        {
            if (string.Equals(tokens[i].Normalized, token.Normalized, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// d. Matches one value's words in order from <paramref name="startPos"/>. A word further than
    /// <paramref name="maxDistance"/> words from the previous match does not count. Score = completeness × accuracy,
    /// accuracy = matched / (matched + words skipped). Start and End are token positions here.
    /// </summary>
    private static ModelResult<FoundValue>? MatchValue(List<Token> sourceTokens, int maxDistance, bool allowPartialMatches, int index, string value, List<Token> searchedTokens, int startPos)
    {
        var matched = 0;
        var totalDeviation = 0;
        var start = -1;
        var end = -1;
        foreach (var token in searchedTokens)
        {
            var pos = IndexOfToken(sourceTokens, token, startPos);
            if (pos < 0)
            {
                continue;
            }

            var distance = matched > 0 ? pos - startPos : 0;
            if (distance > maxDistance)
            {
                continue;
            }

            matched++;
            totalDeviation += distance;
            startPos = pos + 1;
            if (start < 0)
            {
                start = pos;
            }

            end = pos;
        }

        if (matched == 0 || (matched != searchedTokens.Count && !allowPartialMatches))
        {
            return null;
        }

        // Quirk kept on purpose: the SDK divides integers here, so a partial match scores 0 (it is still a match).
        var completeness = matched / searchedTokens.Count;
        var accuracy = (float)matched / (matched + totalDeviation);
        return new ModelResult<FoundValue>
        {
            Start = start,
            End = end,
            TypeName = "value",
            Resolution = new FoundValue { Value = value, Index = index, Score = completeness * accuracy },
        };
    }
}
