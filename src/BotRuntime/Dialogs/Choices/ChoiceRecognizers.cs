using System.Globalization;
using BotRuntime.Dialogs.Prompts;

namespace BotRuntime.Dialogs.Choices;

/// <summary>
/// Recognizes which choice the user picked. One strategy wins, in this order, so "the red one" or "the first aid
/// kit" are never also read as an index: the choices' words (<see cref="Find.FindChoices(string, IList{Choice}, FindChoicesOptions?)"/>),
/// then an ordinal ("the second one", "last"), then a number ("2").
/// </summary>
public static class ChoiceRecognizers
{
    public static List<ModelResult<FoundChoice>> RecognizeChoices(string utterance, IList<string> choices, FindChoicesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return RecognizeChoices(utterance, choices.Select(static value => new Choice(value)).ToList(), options);
    }

    public static List<ModelResult<FoundChoice>> RecognizeChoices(string utterance, IList<Choice> choices, FindChoicesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(utterance) || choices.Count == 0)
        {
            return [];
        }

        var matched = Find.FindChoices(utterance, choices, options);
        if (matched.Count > 0)
        {
            return matched;
        }

        var locale = options?.Locale;
        if (options?.RecognizeOrdinals ?? true)
        {
            foreach (var ordinal in PromptRecognizers.RecognizeOrdinal(utterance, locale))
            {
                AddByPosition(matched, choices, ordinal, IndexFromOrdinal(ordinal, choices.Count));
            }
        }

        if (matched.Count == 0 && (options?.RecognizeNumbers ?? true))
        {
            foreach (var number in PromptRecognizers.RecognizeNumber(utterance, locale))
            {
                AddByPosition(matched, choices, number, IndexFromNumber(number));
            }
        }

        matched.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return matched;
    }

    private static void AddByPosition(List<ModelResult<FoundChoice>> matched, IList<Choice> choices, Microsoft.Recognizers.Text.ModelResult recognized, int? position)
    {
        // Positions are 1-based as the user says them; anything outside the list is not a pick.
        if (position is not { } n || n < 1 || n > choices.Count)
        {
            return;
        }

        matched.Add(new ModelResult<FoundChoice>
        {
            Start = recognized.Start,
            End = recognized.End,
            Text = recognized.Text,
            TypeName = "choice",
            Resolution = new FoundChoice { Value = choices[n - 1].Value, Index = n - 1, Score = 1.0f },
        });
    }

    /// <summary>"3" → 3; relative to the end ("last" = "end+0", "second to last" = "end-1") → counted from the list's length.</summary>
    private static int? IndexFromOrdinal(Microsoft.Recognizers.Text.ModelResult ordinal, int count)
    {
        var value = ResolutionValue(ordinal);
        if (value is null)
        {
            return null;
        }

        if (value.StartsWith("end", StringComparison.OrdinalIgnoreCase))
        {
            var offset = value.Length == 3 ? 0 : ParseInt(value[3..]);
            return offset is null ? null : count + offset.Value;
        }

        return ParseInt(value);
    }

    private static int? IndexFromNumber(Microsoft.Recognizers.Text.ModelResult number) => ParseInt(ResolutionValue(number));

    private static string? ResolutionValue(Microsoft.Recognizers.Text.ModelResult result) =>
        result.Resolution is { } resolution && resolution.TryGetValue("value", out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
