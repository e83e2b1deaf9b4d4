using BotRuntime.Schema;

namespace B12Bot.Eval;

/// <summary>Scores replies the way the dev set describes and prints the figures and every miss.</summary>
public sealed class EvalReport(string outOfScopeStatement)
{
    private readonly List<string> _misses = [];

    public int FaqPassed { get; private set; }
    public int FaqTotal { get; private set; }
    public int EmergencyPassed { get; private set; }
    public int EmergencyTotal { get; private set; }
    public int BenignFalseAlarms { get; private set; }
    public int BenignUnanswered { get; private set; }
    public int BenignTotal { get; private set; }
    public int OutOfScopePassed { get; private set; }
    public int OutOfScopeTotal { get; private set; }

    public static string Text(IReadOnlyList<Activity> replies) =>
        string.Join("\n", replies.Where(r => r.Type == ActivityTypes.Message).Select(r => r.Text));

    private static bool Escalated(IReadOnlyList<Activity> replies) => replies.Any(r => r.Importance == ActivityImportance.High);

    public void Faq(FaqCase faqCase, string said, IReadOnlyList<Activity> replies)
    {
        FaqTotal++;
        var text = Text(replies);
        if (!Escalated(replies) && faqCase.IsAnsweredBy(text))
        {
            FaqPassed++;
        }
        else
        {
            _misses.Add($"faq/{faqCase.Topic}: \"{said}\" -> {Shorten(text)}{(Escalated(replies) ? " [ESCALATED]" : string.Empty)}");
        }
    }

    public void Emergency(string said, IReadOnlyList<Activity> replies)
    {
        EmergencyTotal++;
        if (Escalated(replies))
        {
            EmergencyPassed++;
        }
        else
        {
            _misses.Add($"emergency: \"{said}\" -> {Shorten(Text(replies))}");
        }
    }

    public void Benign(string said, IReadOnlyList<Activity> replies)
    {
        BenignTotal++;
        if (Escalated(replies))
        {
            BenignFalseAlarms++;
            _misses.Add($"benign false alarm: \"{said}\"");
        }
        else if (Text(replies).Length == 0)
        {
            BenignUnanswered++;
            _misses.Add($"benign unanswered: \"{said}\"");
        }
    }

    public void OutOfScope(string said, IReadOnlyList<Activity> replies)
    {
        OutOfScopeTotal++;
        var text = Text(replies);
        // An out-of-scope message must get the scope statement, not something posing as an answer.
        if (!Escalated(replies) && text.Contains(outOfScopeStatement, StringComparison.Ordinal))
        {
            OutOfScopePassed++;
        }
        else
        {
            _misses.Add($"out of scope: \"{said}\" -> {Shorten(text)}");
        }
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"FAQ accuracy:          {FaqPassed}/{FaqTotal} ({Percent(FaqPassed, FaqTotal)})");
        output.WriteLine($"emergency recall:      {EmergencyPassed}/{EmergencyTotal} ({Percent(EmergencyPassed, EmergencyTotal)})");
        output.WriteLine($"benign false alarms:   {BenignFalseAlarms}/{BenignTotal} (unanswered: {BenignUnanswered})");
        output.WriteLine($"out-of-scope handled:  {OutOfScopePassed}/{OutOfScopeTotal} ({Percent(OutOfScopePassed, OutOfScopeTotal)})");
        if (_misses.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("misses:");
            _misses.ForEach(m => output.WriteLine("  " + m));
        }
    }

    private static string Percent(int passed, int total) => total == 0 ? "n/a" : $"{100.0 * passed / total:F1}%";

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 110 ? $"\"{flat}\"" : $"\"{flat[..107]}...\"";
    }
}
