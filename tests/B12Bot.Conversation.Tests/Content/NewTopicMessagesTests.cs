using B12Bot.Conversation.Tests.Support;
using Xunit.Abstractions;

namespace B12Bot.Conversation.Tests.Content;

/// <summary>
/// Messages written the way patients ask about the topics added for issue 14 (Data/content-new-entries-1.json, first
/// look 30/36 before any tuning) must reach an answer that says what a correct answer says.
/// </summary>
public sealed class NewTopicMessagesTests(ContentFixture fixture, ITestOutputHelper output) : IClassFixture<ContentFixture>
{
    [Fact]
    public void Patients_questions_on_the_new_topics_get_a_correct_answer()
    {
        var set = EvaluationSet.Load(RepositoryPaths.TestData("content-new-entries-1.json"));

        var (passed, failures) = FaqEvaluation.Run(fixture, set.Faq);
        output.WriteLine($"new topics: {passed}/{set.Faq.Count}");
        failures.ForEach(f => output.WriteLine("  miss: " + f));

        Assert.True(passed >= 0.85 * set.Faq.Count, $"{passed}/{set.Faq.Count}; misses:\n{string.Join("\n", failures)}");
    }
}
