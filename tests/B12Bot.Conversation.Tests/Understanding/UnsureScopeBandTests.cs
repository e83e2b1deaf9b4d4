using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Tests.Understanding;

/// <summary>
/// Where the scope model is unsure whether a message is about B12 care, what decides is whether one topic is clearly
/// what it asks: a fragment such as "which route suits my case" is answered, a vague message near no topic in
/// particular gets the scope statement. Below the band, the scope statement whatever the topics.
/// </summary>
public sealed class UnsureScopeBandTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private static readonly UnsureScopeBand Band = new() { Below = 0.6, AnswerAtLeast = 0.5 };

    [Fact]
    public void An_unsure_reading_with_one_clearly_likely_topic_gets_that_answer()
    {
        var match = Policy(Band).Decide(Reading(scope: 0.45, ("decision_framework", 0.8), ("oral_vs_injection", 0.1)));

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("decision_framework", match.Entry?.Id);
    }

    [Fact]
    public void An_unsure_reading_near_no_topic_in_particular_gets_the_scope_statement()
    {
        var match = Policy(Band).Decide(Reading(scope: 0.45, ("decision_framework", 0.3), ("oral_vs_injection", 0.25)));

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Fact]
    public void With_the_threshold_alone_at_the_top_of_the_band_the_same_reading_gets_the_scope_statement()
    {
        var match = Policy(band: null, threshold: Band.Below).Decide(Reading(scope: 0.45, ("decision_framework", 0.8)));

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Fact]
    public void A_reading_below_the_band_gets_the_scope_statement_however_likely_a_topic()
    {
        var match = Policy(Band).Decide(Reading(scope: 0.2, ("decision_framework", 0.95)));

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Fact]
    public void A_band_below_the_scope_threshold_is_refused_when_the_model_is_loaded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"understanding-model-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Model(new UnsureScopeBand { Below = 0.1, AnswerAtLeast = 0.5 }).ToJson());
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => UnderstandingModel.Load(path));

            Assert.Contains("unsure_scope", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private DecisionPolicy Policy(UnsureScopeBand? band, double threshold = 0.3) => new(fixture.Matcher.Catalog, Model(band, threshold));

    private UnderstandingModel Model(UnsureScopeBand? band, double threshold = 0.3) => new()
    {
        Candidate = fixture.Model.Candidate,
        Scope = fixture.Model.Scope,
        AnswerThreshold = 0.3,
        ClarifyThreshold = 0.3,
        ScopeThreshold = threshold,
        UnsureScope = band,
    };

    private IntentAssessment Reading(double scope, params (string Id, double P)[] topics)
    {
        var catalog = fixture.Matcher.Catalog;
        var probabilities = new double[catalog.Count];
        foreach (var (id, p) in topics)
        {
            probabilities[catalog.IndexOf(id)] = p;
        }

        return new IntentAssessment(probabilities, scope, []);
    }
}
