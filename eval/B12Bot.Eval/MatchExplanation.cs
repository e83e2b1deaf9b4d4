using System.Globalization;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;

namespace B12Bot.Eval;

/// <summary>How the matcher reads one message, stage by stage (the --explain option): for diagnosing misses.</summary>
internal static class MatchExplanation
{
    private const int Shown = 3;

    public static async Task PrintAsync(FaqMatcher matcher, SafetyTriage triage, string text, TextWriter output)
    {
        var (analyzed, lexical, semantic, assessment, match) = await matcher.ExplainAsync(text);
        var ids = matcher.Catalog.Intents.Select(i => i.Id).ToArray();
        string Top(double[] scores) => string.Join(", ", scores.Select((s, i) => (s, i)).OrderByDescending(x => x.s).Take(Shown)
            .Select(x => $"{ids[x.i]} {x.s.ToString("0.000", CultureInfo.InvariantCulture)}"));
        output.WriteLine($"> {text}");
        var triaged = triage.Screen(text);
        output.WriteLine($"  safety: {(triaged.IsNone ? "none" : $"{triaged.Class} (rule {triaged.RuleId})")}");
        var clauses = Enumerable.Range(0, analyzed.ClauseCount).Select(c =>
            $"[{(analyzed.ClauseIsQuestion[c] ? "?" : ".")}{(analyzed.ClauseLeansOnStory[c] ? "^" : "")} "
            + string.Join(' ', analyzed.Terms.Where((_, t) => analyzed.TermClause[t] == c)) + "]");
        output.WriteLine($"  terms: {string.Join(' ', clauses)}");
        output.WriteLine($"  lexical: {Top(lexical.Scores)} | anchor {lexical.HasAnchor} foreign {lexical.HasForeignSubject} names-b12 {lexical.NamesB12}/{lexical.NamesB12Itself} unknown {lexical.HasUnknownSubject} {lexical.UnknownShare:0.00} asks-of-unknown {lexical.AsksOfUnknownThing} questions [{string.Join(',', lexical.QuestionIntents.Select(i => ids[i]))}]");
        output.WriteLine($"  semantic: {Top(semantic.Phrasing)} | answer: {Top(semantic.Answer)} | out of scope: {semantic.OutOfScope:0.000}");
        if (matcher.ExplainFirstStage(text) is var (firstStage, decides, firstMatch))
        {
            output.WriteLine($"  first stage: {Top(firstStage.IntentProbabilities)} | scope {firstStage.ScopeProbability:0.000} | {(decides ? "decides alone: " + firstMatch.Kind + " " + firstMatch.Entry?.Id : "asks the model")}");
        }

        output.WriteLine($"  model: {Top(assessment.IntentProbabilities)} | scope {assessment.ScopeProbability:0.000}");
        output.WriteLine($"  decision: {match.Kind} {match.Entry?.Id} {(match.Also is null ? "" : "+" + match.Also.Id)} {string.Join("/", match.Alternatives.Select(a => a.Id))}");

        // The stages above skip the whole-message reading (commands, exact phrasings, small talk) and subject turns.
        var read = await matcher.MatchAsync(text);
        output.WriteLine($"  as the bot reads it: {read.Kind} {read.Command} {read.Entry?.Id}");
    }
}
