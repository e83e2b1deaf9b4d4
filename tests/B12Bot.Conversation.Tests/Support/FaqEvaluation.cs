using B12Bot.Conversation.Faq;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>Runs FAQ cases through the safety triage and the matcher the way the bot does, and scores them like the eval.</summary>
public static class FaqEvaluation
{
    public static (int Passed, List<string> Failures) Run(ContentFixture fixture, IEnumerable<FaqCase> cases)
    {
        var passed = 0;
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var screened = fixture.Triage.Screen(testCase.Text);
            var match = fixture.Match(testCase.Text);
            var reply = match.Kind == FaqMatchKind.Answer ? match.Entry!.Answer + "\n" + match.Also?.Answer : "";
            if (screened.IsNone && testCase.IsSatisfiedBy(reply))
            {
                passed++;
            }
            else
            {
                failures.Add($"[{testCase.Topic}] \"{testCase.Text}\" -> {match}{(screened.IsNone ? "" : $" (triage: {screened.Class}/{screened.RuleId})")}");
            }
        }

        return (passed, failures);
    }
}
