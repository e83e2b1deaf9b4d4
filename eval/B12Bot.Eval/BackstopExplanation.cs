using System.Globalization;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Safety;

namespace B12Bot.Eval;

/// <summary>
/// How the safety triage's two looks read each line (the --backstop-explain option): the rules' class, the understanding's
/// reading, whether the backstop screens it as a whole, the static pre-check's similarity, the closest example's similarity
/// per class, the outcome, the closest crisis example, and each clause compared for a crisis with its crisis and near-miss
/// similarity. For fitting the
/// backstop's thresholds on dev data and diagnosing misses; never run on held-out sets.
/// </summary>
internal static class BackstopExplanation
{
    public static async Task PrintAsync(B12ContentSnapshot snapshot, SafetyBackstop backstop, IEnumerable<string> lines, TextWriter output)
    {
        var classes = snapshot.Content.Safety.Backstop.Classes.Select(c => c.Class).Distinct().ToArray();
        output.WriteLine("rules\tkind\tscore\tscreened\tpre\t" + string.Join('\t', classes) + "\tbackstop\ttext\tclosest crisis example\tclauses (crisis/near miss/pre-check)");
        foreach (var line in lines)
        {
            var rules = snapshot.Triage.Screen(line);
            var match = await snapshot.Matcher.MatchAsync(line);
            var similarities = await backstop.SimilaritiesAsync(line);
            var outcome = rules.IsNone ? await backstop.ScreenAsync(line) : rules;
            var screened = backstop.NeedsScreening(match) ? "yes" : "no";
            var closest = await backstop.ClosestExampleAsync(line, TriageClass.Crisis);
            var clauses = new List<string>();
            foreach (var clause in backstop.ClausesToCompare(line))
            {
                var near = await backstop.SimilaritiesAsync(clause);
                clauses.Add(string.Create(CultureInfo.InvariantCulture, $"[{clause}] {near[TriageClass.Crisis]:0.000}/{near[TriageClass.None]:0.000}/{backstop.PreCheckSimilarity(clause):0.000}/{backstop.PreCheckNearMissSimilarity(clause):0.000}"));
            }

            output.WriteLine(string.Join('\t', [rules.Class.ToString(), match.Kind.ToString(), match.Score.ToString("0.00", CultureInfo.InvariantCulture),
                screened, backstop.PreCheckSimilarity(line).ToString("0.000", CultureInfo.InvariantCulture),
                .. classes.Select(c => similarities[c].ToString("0.000", CultureInfo.InvariantCulture)),
                outcome.Class.ToString(), line, closest.Example, string.Join(" ", clauses)]));
        }
    }
}
