using System.Diagnostics;
using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Text;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Eval;

/// <summary>
/// Prints how long the safety triage takes on ordinary messages and on hostile 60 KB / 64 KB strings (as text and as a
/// card value), so its linear, bounded cost can be seen. A benchmark command: figures are printed, not asserted.
/// </summary>
public static class TriageTiming
{
    public static void Print(B12Content content, EvalSet set, TextWriter output)
    {
        // The triage corrects typos towards the words the content knows, as in the host (no model needed for that).
        var analyzer = new TermAnalyzer(content.Language, LexicalIndex.VocabularyTexts(content));
        var triage = new SafetyTriage(content.Safety, analyzer.IsKnownWord);
        string[] messages = [.. set.Emergency, .. set.Crisis, .. set.Poisoning, .. set.PossibleReaction, .. set.NoEmergency.Select(c => c.Said)];
        if (messages.Length > 0)
        {
            var perMessage = Measure(() =>
            {
                foreach (var message in messages)
                {
                    triage.Screen(message);
                }
            }, 20) / messages.Length;
            output.WriteLine($"triage, set messages:               {perMessage * 1000:F1} µs per message ({messages.Length} messages)");
        }

        var story = string.Concat(Enumerable.Repeat("I had my b12 shot this morning and then no trouble breathing, ", 1100));
        foreach (var length in (int[])[1_000, 2_000, 4_000, 8_000, 12_000, 16_000, 60_000, 64_000])
        {
            var text = story[..length];
            var words = string.Concat(Enumerable.Repeat("anaphylaxis hives throat swelling trouble ", length / 42 + 1))[..length];
            var noSpaces = new string('a', length);
            var value = JsonSerializer.SerializeToElement(new { text, more = new[] { words, noSpaces } });
            output.WriteLine($"triage, {length / 1000.0,5:F0} KB story as text:        {Measure(() => triage.Screen(text), 5):F2} ms");
            output.WriteLine($"triage, {length / 1000.0,5:F0} KB of sign words as text: {Measure(() => triage.Screen(words), 5):F2} ms");
            output.WriteLine($"triage, {length / 1000.0,5:F0} KB one-word value:        {Measure(() => triage.Screen(null, JsonSerializer.SerializeToElement(new { v = noSpaces })), 5):F2} ms");
            output.WriteLine($"triage, {length / 1000.0,5:F0} KB x3 value strings:      {Measure(() => triage.Screen(text, value), 5):F2} ms");
        }
    }

    /// <summary>Milliseconds per run, the best of <paramref name="runs"/> after one warm-up.</summary>
    private static double Measure(Action action, int runs)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
