using System.Text.Json;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;
using Xunit.Abstractions;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// The understanding-v2 batch (written before the v2 matcher and run once on the old one, then kept as a regression set):
/// <c>dotnet test tests/B12Bot.Conversation.Tests -c Release --filter UnderstandingBatch --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class UnderstandingBatchTests(ContentFixture fixture, ITestOutputHelper output) : IClassFixture<ContentFixture>
{
    private const string BatchFile = "understanding-v2-batch.json";

    [Fact]
    public void UnderstandingBatch_figures()
    {
        var path = RepositoryPaths.TestData(BatchFile);
        var set = EvaluationSet.Load(path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var smallTalk = document.RootElement.GetProperty("small_talk").EnumerateArray().Select(e => e.GetString()!).ToList();
        var walkthrough = document.RootElement.GetProperty("walkthrough").EnumerateArray().Select(e => e.GetString()!).ToList();

        var (passed, failures) = FaqEvaluation.Run(fixture, set.Faq);
        var outOfScopeMisses = set.OutOfScope.Where(t => fixture.Match(t).Kind != FaqMatchKind.OutOfScope).ToList();
        var confidentOutOfScope = set.OutOfScope.Where(t => fixture.Match(t).Kind == FaqMatchKind.Answer).ToList();
        var smallTalkMisses = smallTalk.Where(t => fixture.Match(t).Kind != FaqMatchKind.SmallTalk).ToList();
        var walkthroughMisses = walkthrough.Where(t => fixture.Match(t).Kind != FaqMatchKind.StartWalkthrough).ToList();

        output.WriteLine($"FAQ {passed}/{set.Faq.Count} ({100.0 * passed / set.Faq.Count:0.0}%)");
        output.WriteLine($"out of scope {set.OutOfScope.Count - outOfScopeMisses.Count}/{set.OutOfScope.Count}, confident B12 answers to them: {confidentOutOfScope.Count}");
        output.WriteLine($"small talk {smallTalk.Count - smallTalkMisses.Count}/{smallTalk.Count}, walkthrough {walkthrough.Count - walkthroughMisses.Count}/{walkthrough.Count}");
        foreach (var failure in failures)
        {
            output.WriteLine("  miss: " + failure);
        }

        foreach (var text in outOfScopeMisses.Concat(smallTalkMisses).Concat(walkthroughMisses))
        {
            output.WriteLine($"  miss: \"{text}\" -> {fixture.Match(text)}");
        }
    }
}
