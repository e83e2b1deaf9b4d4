using B12Bot.Conversation.Safety;
using YamlDotNet.RepresentationModel;

namespace B12Bot.Conversation.Content;

public static partial class B12ContentLoader
{
    private const string BackstopKey = "semantic_backstop";

    /// <summary>Reads 'semantic_backstop' of dialogs/safety.yaml (optional: without it the rules work alone).</summary>
    private static SafetyBackstopRules LoadSafetyBackstop(YamlFileReader reader, YamlMappingNode root)
    {
        var node = reader.Get(root, BackstopKey);
        if (node is null)
        {
            return SafetyBackstopRules.None;
        }

        const string What = "'semantic_backstop'";
        if (reader.Mapping(node, What) is not { } map)
        {
            return SafetyBackstopRules.None;
        }

        reader.CheckKeys(map, What, "screen_answers_below", "minimum_words", "crisis_clauses", "classes");
        var answersBelow = reader.Fraction(map, "screen_answers_below", What, 0.5);
        var minimumWords = reader.Int(map, "minimum_words", What, 3, 1, 20);
        var clauseThreshold = 2.0;
        var clausePreCheck = 0.0;
        var clauseMargin = 1.0;
        IReadOnlyList<string> clauseBreaks = [];
        const string ClausesWhat = "'crisis_clauses' of 'semantic_backstop'";
        if (reader.Get(map, "crisis_clauses") is { } clausesNode && reader.Mapping(clausesNode, ClausesWhat) is { } clauses)
        {
            reader.CheckKeys(clauses, ClausesWhat, "threshold", "pre_check", "pre_check_margin", "breaks");
            clauseThreshold = reader.Fraction(clauses, "threshold", ClausesWhat, null);
            clausePreCheck = reader.Fraction(clauses, "pre_check", ClausesWhat, null);
            clauseMargin = reader.Fraction(clauses, "pre_check_margin", ClausesWhat, 1);
            clauseBreaks = reader.StringList(clauses, "breaks", ClausesWhat, required: false);
        }

        var groups = new List<SafetyExemplars>();
        if (reader.Mapping(reader.Get(map, "classes"), "'classes' of 'semantic_backstop'") is not { } classMap)
        {
            reader.Problem(map, $"{What} needs a 'classes' mapping");
            return SafetyBackstopRules.None;
        }

        foreach (var (keyNode, valueNode) in classMap.Children)
        {
            var name = reader.Scalar(keyNode, "a backstop class name");
            var triageClass = TriageClass.None;
            if (name is null || (name != "none" && !SignClasses.TryGetValue(name, out triageClass)))
            {
                reader.Problem(keyNode, $"backstop class '{name}' is not one of: {string.Join(", ", SignClasses.Keys)}, none");
                continue;
            }

            var what = $"backstop class '{name}'";
            if (reader.Mapping(valueNode, what) is not { } group)
            {
                continue;
            }

            reader.CheckKeys(group, what, "threshold", "examples");
            // Near misses need no threshold: they only ever hold a class back.
            var threshold = triageClass == TriageClass.None ? 1 : reader.Fraction(group, "threshold", what, null);
            var examples = reader.StringList(group, "examples", what, required: true);
            foreach (var duplicate in examples.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                reader.Problem(reader.Get(group, "examples")!, $"{what} lists '{duplicate.Key}' twice");
            }

            groups.Add(new SafetyExemplars(triageClass, threshold, examples));
        }

        return new SafetyBackstopRules(groups, answersBelow, minimumWords)
        {
            CrisisClauseThreshold = clauseThreshold,
            CrisisClausePreCheck = clausePreCheck,
            CrisisClausePreCheckMargin = clauseMargin,
            ClauseBreaks = [.. clauseBreaks.Select(b => b.Trim().ToLowerInvariant())],
        };
    }
}
