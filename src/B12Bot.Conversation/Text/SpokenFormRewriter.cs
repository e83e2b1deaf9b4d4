using System.Text.RegularExpressions;
using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Text;

/// <summary>
/// Puts spoken and dictated spellings in their written form before a message is read (language.yaml's spoken_forms):
/// voice typing writes "these be twelve shots" and "r b twelve shuts safe", and the sentence-embedding model, unlike the
/// word lists, does not read "b twelve" as B12 at all. One pattern per written form, built once at start; each phrase
/// as whole words with spaces, hyphens or dots (or nothing) between them; a phrase that starts with the verb ("be") is
/// left after a word that makes it one ("she will be twelve in may", "it'll be 12 weeks") unless a word of its own
/// follows ("how long will be twelve shots take").
/// </summary>
public sealed class SpokenFormRewriter
{
    private readonly (Regex Pattern, string Written)[] _forms;

    public SpokenFormRewriter(SpokenForms spokenForms)
    {
        ArgumentNullException.ThrowIfNull(spokenForms);
        var verb = spokenForms.Verb is { } v ? TextNormalizer.Normalize(v) : null;
        var notAfter = VerbGuard(spokenForms.VerbAfter);
        var before = spokenForms.VerbUnlessBefore.Select(TextNormalizer.Normalize).Where(w => w.Length > 0).Select(Regex.Escape).ToList();
        var unlessBefore = before.Count == 0 ? null : $@"(?=[\s.\-]+(?:{string.Join('|', before)})\b)";
        _forms =
        [
            .. spokenForms.Forms
                .Select(form => (Phrases: form.Spoken.Select(TextNormalizer.Normalize).Where(p => p.Length > 0).ToList(), form.Written))
                .Where(form => form.Phrases.Count > 0)
                .Select(form => (Pattern(form.Phrases, verb, notAfter, unlessBefore), form.Written)),
        ];

        // Jitted at start, not inside the first visitor's match.
        foreach (var (pattern, _) in _forms)
        {
            CompiledPatterns.WarmUp(pattern, "be twelve b twelve");
        }
    }

    /// <summary>The text with each spoken form written; the same string when none is in it.</summary>
    public string Rewrite(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (pattern, written) in _forms)
        {
            try
            {
                text = pattern.Replace(text, written);
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological text is read as written; the rewrite only helps.
                return text;
            }
        }

        return text;
    }

    private static Regex Pattern(IReadOnlyList<string> phrases, string? verb, string? notAfter, string? unlessBefore)
    {
        var alternatives = phrases
            .OrderByDescending(p => p.Length)
            .Select(p => TextNormalizer.Tokenize(p))
            .Select(words => (Guarded: notAfter is not null && words[0] == verb, Body: string.Join(@"[\s.\-]*", words.Select(Regex.Escape))))
            .Select(p => !p.Guarded ? p.Body : unlessBefore is null ? notAfter + p.Body : $"(?:{notAfter}{p.Body}|{p.Body}{unlessBefore})");
        return new Regex($@"\b(?:{string.Join('|', alternatives)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, CompiledPatterns.MatchTimeout);
    }

    /// <summary>
    /// A look-behind that fails right after one of the words (or, for an entry starting with an apostrophe, a word with that
    /// ending: "'ll" for "she'll") and the space after it; null without words.
    /// </summary>
    private static string? VerbGuard(IReadOnlyList<string> verbAfter)
    {
        var words = verbAfter.Where(w => !w.StartsWith('\'')).Select(TextNormalizer.Normalize).Where(w => w.Length > 0).Select(Regex.Escape).ToList();
        var endings = verbAfter.Where(w => w.StartsWith('\'') && w.Length > 1).Select(w => Regex.Escape(w[1..].ToLowerInvariant())).ToList();
        var before = new List<string>();
        if (words.Count > 0)
        {
            before.Add($@"\b(?:{string.Join('|', words)})");
        }

        if (endings.Count > 0)
        {
            before.Add($@"\w['\u2019](?:{string.Join('|', endings)})");
        }

        return before.Count == 0 ? null : $@"(?<!(?:{string.Join('|', before)})[\s,]+)";
    }
}
