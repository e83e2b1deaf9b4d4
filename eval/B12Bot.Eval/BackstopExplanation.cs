using System.Globalization;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Safety;

namespace B12Bot.Eval;

/// <summary>
/// How the safety triage's two looks read each line (the --backstop-explain option): the rules' class, the understanding's
/// reading, whether the backstop screens it, the closest example's similarity per class and the outcome. For fitting the
/// backstop's thresholds on dev data and diagnosing misses; never run on held-out sets.
/// </summary>
internal static class BackstopExplanation
{
    public static async Task PrintAsync(B12ContentSnapshot snapshot, SafetyBackstop backstop, IEnumerable<string> lines, TextWriter output)
    {
        var classes = snapshot.Content.Safety.Backstop.Classes.Select(c => c.Class).Distinct().ToArray();
        output.WriteLine("rules\tkind\tscore\tscreened\t" + string.Join('\t', classes) + "\tbackstop\ttext");
        foreach (var line in lines)
        {
            var rules = snapshot.Triage.Screen(line);
            var match = await snapshot.Matcher.MatchAsync(line);
            var similarities = await backstop.SimilaritiesAsync(line);
            var outcome = rules.IsNone ? await backstop.ScreenAsync(line) : rules;
            output.WriteLine(string.Join('\t', [rules.Class.ToString(), match.Kind.ToString(), match.Score.ToString("0.00", CultureInfo.InvariantCulture),
                backstop.NeedsScreening(match) ? "yes" : "no", .. classes.Select(c => similarities[c].ToString("0.000", CultureInfo.InvariantCulture)),
                outcome.Class.ToString(), line]));
        }
    }
}
