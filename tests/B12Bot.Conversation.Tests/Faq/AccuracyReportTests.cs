using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;
using Xunit.Abstractions;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Prints the matcher's figures on the dev set and the held-out set:
/// <c>dotnet test tests/B12Bot.Conversation.Tests --filter AccuracyReport --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class AccuracyReportTests(ContentFixture fixture, ITestOutputHelper output) : IClassFixture<ContentFixture>
{
    [Fact]
    public void AccuracyReport()
    {
        var results = new List<double>();
        foreach (var (name, path) in new[]
                 {
                     ("dev set", RepositoryPaths.DevSet),
                     ("held-out set", RepositoryPaths.TestData("paraphrase-set.json")),
                     ("second held-out set", RepositoryPaths.TestData("unseen-set.json")),
                     ("fresh batch 1", RepositoryPaths.TestData("fresh-batch-1.json")),
                     ("fresh batch 2", RepositoryPaths.TestData("fresh-batch-2.json")),
                     ("fresh batch 3", RepositoryPaths.TestData("fresh-batch-3.json")),
                     ("fresh batch 4", RepositoryPaths.TestData("fresh-batch-4.json")),
                 })
        {
            var set = EvaluationSet.Load(path);
            var (passed, failures) = FaqEvaluation.Run(fixture, set.Faq);
            var recalled = set.Emergency.Count(t => fixture.Triage.Screen(t).Class == B12Bot.Conversation.Safety.TriageClass.Emergency);
            var benign = set.Benign.Concat(set.OutOfScope).ToList();
            // A benign message may get the check question (a few hives at the site), as the eval's benign contract
            // allows; an escalation, or any safety reply to an out-of-scope question, is a false alarm.
            var falseAlarms = set.Benign.Count(t => fixture.Triage.Screen(t).Class > B12Bot.Conversation.Safety.TriageClass.PossibleReaction)
                              + set.OutOfScope.Count(t => !fixture.Triage.Screen(t).IsNone);
            var outOfScope = set.OutOfScope.Count(t => fixture.Match(t).Kind == FaqMatchKind.OutOfScope);
            output.WriteLine($"{name}: FAQ {passed}/{set.Faq.Count} ({100.0 * passed / set.Faq.Count:0.0}%), "
                             + $"emergency recall {recalled}/{set.Emergency.Count}, false alarms {falseAlarms}/{benign.Count}, "
                             + $"out of scope recognised {outOfScope}/{set.OutOfScope.Count}");
            foreach (var failure in failures)
            {
                output.WriteLine("  miss: " + failure);
            }

            results.Add((double)passed / set.Faq.Count);
            Assert.Equal(set.Emergency.Count, recalled);
            Assert.Equal(0, falseAlarms);
        }

        // Every set is at 95.9% or more today (fresh batch 4 lowest); the bar sits a little under that.
        Assert.All(results, accuracy => Assert.True(accuracy >= 0.94, $"accuracy {accuracy:P1}"));
    }
}
