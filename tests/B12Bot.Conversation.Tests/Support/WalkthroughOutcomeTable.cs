using System.Text;
using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>
/// Writes the symptom check's outcome for every combination of the answers its rules look at, as a Markdown table a
/// reviewer can read against the guide's decision table. The combinations are folded: "·" means any answer to that
/// question gives the row's outcome, "a / b" lists answers that behave the same, "—" means the question was not asked.
/// Every folded row is exact (each combination under it has that outcome), and the rows cover every combination once.
/// </summary>
public static class WalkthroughOutcomeTable
{
    public const string AnyAnswer = "·";

    /// <summary>The columns, most telling first: the blood test, severity and nerve symptoms lead the guide's logic.</summary>
    public static readonly string[] ColumnOrder = ["labs", "severe", "neuro", "treatment", "malabsorption", "allergy", "pregnancy"];

    public static string Build(Walkthrough walkthrough)
    {
        var paths = WalkthroughPaths.All(walkthrough);
        var ruleQuestions = walkthrough.Rules.SelectMany(r => r.When.AllowedAnswers.Keys).ToHashSet(StringComparer.Ordinal);
        var columns = ColumnOrder.Where(ruleQuestions.Contains).Concat(walkthrough.Questions.Select(q => q.Id).Where(id => ruleQuestions.Contains(id) && !ColumnOrder.Contains(id))).ToArray();

        // The outcome depends only on the questions the rules name, so one row per distinct combination of those.
        var combinations = new Dictionary<string, (string[] Values, string Outcome)>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var values = columns.Select(path.Answer).ToArray();
            var outcome = walkthrough.Decide(path).Id;
            var key = string.Join('|', values);
            if (combinations.TryGetValue(key, out var seen) && seen.Outcome != outcome)
            {
                throw new InvalidOperationException($"The outcome of {key} depends on a question no rule names.");
            }

            combinations[key] = (values, outcome);
        }

        var rows = Fold([.. combinations.Values], 0, columns, walkthrough);
        var text = new StringBuilder();
        text.Append("# Symptom check: outcome for every combination of answers that changes it\n\n");
        text.Append("Generated from dialogs/walkthrough.yaml by WalkthroughOutcomeTableTests; a change to the rules must update this file\n");
        text.Append("(run the test with B12_UPDATE_WALKTHROUGH_TABLE=1 and review the difference).\n\n");
        text.Append(System.FormattableString.Invariant($"- {paths.Count} complete ways through the questions; {combinations.Count} combinations of the {columns.Length} questions the rules use; {rows.Count} rows below.\n"));
        text.Append("- `·` any answer, `a / b` either answer, `—` not asked. Diet and medicines never change the outcome; they add notes (see the end).\n\n");
        text.Append("| ").Append(string.Join(" | ", columns)).Append(" | outcome |\n");
        text.Append('|').Append(string.Concat(Enumerable.Repeat("---|", columns.Length + 1))).Append('\n');
        foreach (var (labels, outcome) in rows)
        {
            text.Append("| ").Append(string.Join(" | ", labels)).Append(" | ").Append(outcome).Append(" |\n");
        }

        text.Append("\n## Questions\n\n");
        foreach (var question in walkthrough.Questions)
        {
            text.Append("- `").Append(question.Id).Append("`: ").Append(question.Prompt).Append(" (")
                .Append(string.Join(", ", question.Choices.Select(c => $"`{c.Value}` = {c.Label}"))).Append(")\n");
        }

        text.Append("\n## Outcomes\n\n");
        foreach (var outcome in walkthrough.Outcomes)
        {
            text.Append("- `").Append(outcome.Id).Append("`: ").Append(outcome.Title.Replace("**", "", StringComparison.Ordinal)).Append('\n');
        }

        text.Append("\n## Notes added to the outcome\n\n");
        foreach (var note in walkthrough.Notes)
        {
            text.Append("- when ").Append(Describe(note.When));
            if (note.NotWith.Count > 0)
            {
                text.Append(", except with ").Append(string.Join(", ", note.NotWith));
            }

            text.Append(": ").Append(note.Text).Append('\n');
        }

        return text.ToString();
    }

    private static string Describe(AnswerCondition condition) =>
        string.Join(" and ", condition.AllowedAnswers.Select(a => $"{a.Key} is {string.Join(" / ", a.Value)}"));

    /// <summary>
    /// Splits on one column at a time; answers whose sub-tables are identical share a row ("yes / unsure"), and a
    /// column whose answers all behave the same becomes "·".
    /// </summary>
    private static List<(string[] Labels, string Outcome)> Fold(List<(string[] Values, string Outcome)> combinations, int column, string[] columns, Walkthrough walkthrough)
    {
        if (combinations.Select(c => c.Outcome).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            var labels = Enumerable.Repeat(AnyAnswer, columns.Length - column).ToArray();
            if (combinations.All(c => c.Values.Skip(column).Take(1).All(v => v == WalkthroughPaths.NotAsked)) && labels.Length > 0)
            {
                labels[0] = WalkthroughPaths.NotAsked;
            }

            return [(labels, combinations[0].Outcome)];
        }

        var order = ValueOrder(walkthrough, columns[column]);
        var groups = combinations.GroupBy(c => c.Values[column])
            .OrderBy(g => order.IndexOf(g.Key))
            .Select(g => (Value: g.Key, Rows: Fold([.. g], column + 1, columns, walkthrough)))
            .ToList();

        // Answers with identical sub-tables share their rows.
        var merged = new List<(List<string> Values, List<(string[] Labels, string Outcome)> Rows)>();
        foreach (var (value, rows) in groups)
        {
            var key = Key(rows);
            var same = merged.FindIndex(m => Key(m.Rows) == key);
            if (same >= 0)
            {
                merged[same].Values.Add(value);
            }
            else
            {
                merged.Add(([value], rows));
            }
        }

        var result = new List<(string[] Labels, string Outcome)>();
        foreach (var (values, rows) in merged)
        {
            var label = merged.Count > 1 ? string.Join(" / ", values)
                : values.All(v => v == WalkthroughPaths.NotAsked) ? WalkthroughPaths.NotAsked : AnyAnswer;
            result.AddRange(rows.Select(r => ((string[])[label, .. r.Labels], r.Outcome)));
        }

        return result;
    }

    private static string Key(List<(string[] Labels, string Outcome)> rows) =>
        string.Join('\n', rows.Select(r => string.Join('|', r.Labels) + "=" + r.Outcome));

    private static List<string> ValueOrder(Walkthrough walkthrough, string questionId) =>
        [.. walkthrough.Questions.First(q => q.Id == questionId).Choices.Select(c => c.Value), WalkthroughPaths.NotAsked];
}
