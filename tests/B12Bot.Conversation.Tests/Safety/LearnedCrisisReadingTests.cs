using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The learned crisis reading beside the rules: a crisis told in words no rule has gets the crisis line, calm messages
/// near it stay calm, and the rules' own decisions (an overdose for Poison Control, an exception the clinic wrote) stand.
/// Messages in other words than any eval set.
/// </summary>
public sealed class LearnedCrisisReadingTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("i keep looking at the tall car park near work and thinking how easy it would be")]
    [InlineData("tonight i'm going to stop all of it for good. just wanted someone to know")]
    [InlineData("i can't keep living like this, i've been looking up the quickest ways")]
    public void A_crisis_in_words_no_rule_has_gets_the_crisis_line(string said)
    {
        var rulesAlone = new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord);

        Assert.Equal(TriageClass.None, rulesAlone.Screen(said).Class);
        Assert.Equal(new TriageResult(TriageClass.Crisis, LearnedReadingKind.Crisis.RuleId), fixture.Triage.Screen(said));
    }

    [Theory]
    [InlineData("I won't be around for the nurse's visit on Friday, please move it")]
    [InlineData("please make it quick, I'm nervous of needles")]
    [InlineData("I'm done with the loading doses, what comes next?")]
    [InlineData("this tiredness is killing me, when will the shots start working?")]
    public void Calm_messages_with_crisis_words_get_no_alarm(string said)
    {
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(said).Class);
    }

    [Fact]
    public void The_model_raises_a_calm_reading_or_a_check_question_but_never_overrules_poison_control()
    {
        // A model that reads every mention of pills as a crisis: only the rules' calm readings give way to it.
        var pillsModel = new LearnedSafetyReading { Threshold = 0.5, Bias = 0, Weights = new() { ["pills"] = 10 } }.Ready(LearnedReadingKind.Crisis);
        var triage = new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord, pillsModel);

        Assert.Equal(TriageClass.Crisis, triage.Screen("i keep thinking about my pills").Class);
        Assert.Equal(TriageClass.Poisoning, triage.Screen("my toddler swallowed a handful of my pills").Class);
    }

    [Fact]
    public void An_exception_the_clinic_wrote_for_a_crisis_rule_keeps_the_model_quiet()
    {
        // Not being around and not needing the jab is a crisis rule's words, set aside by its exception for a holiday: the rules said no.
        var aroundModel = new LearnedSafetyReading { Threshold = 0.5, Bias = 0, Weights = new() { ["around"] = 10 } }.Ready(LearnedReadingKind.Crisis);
        var triage = new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord, aroundModel);

        Assert.Equal(TriageClass.None, triage.Screen("We're off on holiday so I won't be around for the next jab and won't need it until we're home").Class);
        Assert.Equal(TriageClass.Crisis, triage.Screen("nobody will have me around much longer").Class);
    }

    [Theory]
    [InlineData("""{ "threshold": 1.5, "bias": 0, "weights": {} }""")]
    [InlineData("""{ "threshold": 0.9, "bias": 0, "weights": { "die": "heavy" } }""")]
    [InlineData("""{ "threshold": 0.9 """)]
    public void A_broken_model_file_is_refused_naming_the_file(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crisis-model-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var refused = Assert.Throws<InvalidOperationException>(() => LearnedSafetyReading.Load(path, LearnedReadingKind.Crisis));
            Assert.StartsWith(path, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_model_loads_with_a_fitted_threshold()
    {
        Assert.InRange(fixture.CrisisModel.Threshold, 0.5, 1.0);
        Assert.NotEmpty(fixture.CrisisModel.Weights);
    }
}
