using System.Text.RegularExpressions;

namespace B12Bot.WebChat.Tests.Support;

/// <summary>How the bot's reviewed markdown content reads on the page, so browser tests find it whatever the clinic edits.</summary>
public static partial class ContentText
{
    /// <summary>
    /// A stretch of plain words from a markdown text, as Web Chat shows it: emphasis marks and link targets removed,
    /// punctuation that markdown may restyle (quotes, apostrophes, dashes) avoided.
    /// </summary>
    public static string Excerpt(string markdown)
    {
        var plain = Emphasis().Replace(Link().Replace(markdown, "$1"), string.Empty);
        var run = PlainRun().Matches(plain).OrderByDescending(m => m.Length).First().Value.Trim();
        if (run.Length <= 40)
        {
            return run;
        }

        var cut = run.LastIndexOf(' ', 40);
        return run[..(cut > 20 ? cut : 40)].Trim();
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9 ,.()]{15,}")]
    private static partial Regex PlainRun();
}
