using System.Globalization;
using System.Text.RegularExpressions;
using BotRuntime.Dialogs.Prompts;
using EnglishChoice = Microsoft.Recognizers.Definitions.English.ChoiceDefinitions;
using SpanishChoice = Microsoft.Recognizers.Definitions.Spanish.ChoiceDefinitions;

namespace BotRuntime.Dialogs.Choices;

/// <summary>
/// Recognizes yes/no answers in English and Spanish ("yep", "sure", "ok", "nope", "sí", "claro que no", 👍, 👎...)
/// with the published word lists of Microsoft.Recognizers.Definitions. Every phrase found is scored by how much of
/// the utterance it covers and how tightly, and the best one wins, so "not ok" is a no although it contains "ok".
/// </summary>
public static class BooleanRecognizer
{
    private const int MaxDistance = 2;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // Compiled once for the process: these run on every confirm answer.
    private static readonly Language English = new(
        new Regex(EnglishChoice.TrueRegex, RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout),
        new Regex(EnglishChoice.FalseRegex, RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout));

    private static readonly Language Spanish = new(
        new Regex(SpanishChoice.TrueRegex, RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout),
        new Regex(SpanishChoice.FalseRegex, RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout));

    /// <summary>
    /// The yes/no found in <paramref name="utterance"/> for the culture's language (English when unsupported),
    /// or null when there is none. Resolution: the value and its score (0.4 to 1).
    /// </summary>
    public static ModelResult<BooleanResolution>? RecognizeBoolean(string? utterance, string? culture)
    {
        if (string.IsNullOrWhiteSpace(utterance) || utterance.Length > PromptRecognizers.MaxUtteranceLength)
        {
            return null;
        }

        var language = PromptCultureModels.Get(culture) == PromptCultureModels.Spanish ? Spanish : English;
        var text = utterance.ToLower(CultureInfo.InvariantCulture);
        var sourceTokens = Tokenize(text);
        if (sourceTokens.Count == 0)
        {
            return null;
        }

        ModelResult<BooleanResolution>? best = null;
        try
        {
            Consider(language.True, value: true);
            Consider(language.False, value: false);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        return best;

        void Consider(Regex regex, bool value)
        {
            for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            {
                if (match.Length == 0)
                {
                    continue;
                }

                var score = Score(sourceTokens, Tokenize(match.Value));
                // Highest score wins; on a tie, the phrase that comes first in the utterance.
                if (score > 0 && (best is null || score > best.Resolution.Score || (score == best.Resolution.Score && match.Index < best.Start)))
                {
                    best = new ModelResult<BooleanResolution>
                    {
                        Start = match.Index,
                        End = match.Index + match.Length - 1,
                        Text = match.Value,
                        TypeName = "boolean",
                        Resolution = new BooleanResolution(value, score),
                    };
                }
            }
        }
    }

    /// <summary>
    /// 0.4 + 0.6 × (accuracy × share of the utterance's words the phrase covers), best over every starting word;
    /// 0 when the phrase's words are not all found in order within <see cref="MaxDistance"/> of each other.
    /// </summary>
    private static double Score(List<string> source, List<string> match)
    {
        var best = 0.0;
        for (var start = 0; start < source.Count; start++)
        {
            double matched = 0;
            double deviation = 0;
            var position = start;
            foreach (var token in match)
            {
                var found = source.IndexOf(token, position);
                if (found < 0)
                {
                    continue;
                }

                var distance = matched > 0 ? found - position : 0;
                if (distance <= MaxDistance)
                {
                    matched++;
                    deviation += distance;
                    position = found + 1;
                }
            }

            if (matched > 0 && (int)matched == match.Count)
            {
                var accuracy = matched / (matched + deviation);
                best = Math.Max(best, 0.4 + (0.6 * accuracy * (matched / source.Count)));
            }
        }

        return best;
    }

    /// <summary>Words are runs of letters, digits and marks; each emoji (and skin-tone modifier) is a token of its own.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Flush(i);
                tokens.Add(text.Substring(i, 2));
                i++;
                continue;
            }

            if (IsWordChar(c))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else
            {
                Flush(i);
                if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSurrogate(c) && !char.IsControl(c))
                {
                    // A symbol in the basic plane (✋): a token of its own, like the emoji above it.
                    tokens.Add(c.ToString());
                }
            }
        }

        Flush(text.Length);
        return tokens;

        void Flush(int end)
        {
            if (start >= 0)
            {
                tokens.Add(text[start..end]);
                start = -1;
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private sealed record Language(Regex True, Regex False);
}
