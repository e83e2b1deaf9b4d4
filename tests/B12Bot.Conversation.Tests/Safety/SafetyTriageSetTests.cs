using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The triage against eval/safety-set.json (written before the triage was tuned) and the batches written after it
/// (eval/safety-holdout-1.json, eval/fresh-safety-1.json, eval/safety-holdout-2.json: each run once for its first look,
/// then kept), one case per phrasing (typos, slang, third person, non-native
/// English, long stories, questions mixed in). Bars (issue 9): every emergency, crisis and poisoning message is
/// recognised; at most 5% of the no-emergency messages raise anything.
/// </summary>
public sealed class SafetyTriageSetTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private static readonly SafetySet Set = SafetySet.LoadRegressionSets();

    public static TheoryData<string> Emergencies => [.. Set.Emergency];

    public static TheoryData<string> Crises => [.. Set.Crisis];

    public static TheoryData<string> Poisonings => [.. Set.Poisoning];

    public static TheoryData<string> PossibleReactions => [.. Set.PossibleReaction];

    public static TheoryData<string> SetNames => [.. SafetySet.RegressionSetNames];

    [Fact]
    public void The_set_has_enough_phrasings_per_class()
    {
        Assert.True(Set.Emergency.Count >= 40 && Set.Crisis.Count >= 40 && Set.Poisoning.Count >= 40 && Set.NoEmergency.Count >= 40);
        Assert.True(Set.PossibleReaction.Count >= 20);
    }

    [Theory]
    [MemberData(nameof(Emergencies))]
    public void Every_emergency_phrasing_gets_the_urgent_message(string text) =>
        Assert.Equal(TriageClass.Emergency, fixture.Triage.Screen(text).Class);

    [Theory]
    [MemberData(nameof(Crises))]
    public void Every_crisis_phrasing_gets_the_crisis_line(string text) =>
        Assert.Equal(TriageClass.Crisis, fixture.Triage.Screen(text).Class);

    [Theory]
    [MemberData(nameof(Poisonings))]
    public void Every_poisoning_phrasing_gets_poison_control(string text) =>
        Assert.Equal(TriageClass.Poisoning, fixture.Triage.Screen(text).Class);

    /// <summary>A symptom after an injection is never left to normal understanding; erring to the urgent message is allowed.</summary>
    [Theory]
    [MemberData(nameof(PossibleReactions))]
    public void A_new_symptom_after_an_injection_is_never_left_alone(string text) =>
        Assert.Contains(fixture.Triage.Screen(text).Class, (TriageClass[])[TriageClass.PossibleReaction, TriageClass.Emergency]);

    [Fact]
    public void Most_new_symptoms_after_an_injection_get_the_check_question()
    {
        var asked = Set.PossibleReaction.Count(t => fixture.Triage.Screen(t).Class == TriageClass.PossibleReaction);

        Assert.True(asked >= Set.PossibleReaction.Count * 0.9, $"check question for {asked}/{Set.PossibleReaction.Count}");
    }

    [Fact]
    public void At_most_five_percent_of_no_emergency_messages_raise_anything()
    {
        var alarms = Set.NoEmergency.Select(t => (Text: t, Result: fixture.Triage.Screen(t))).Where(r => !r.Result.IsNone).ToList();

        Assert.True(alarms.Count <= Set.NoEmergency.Count * 0.05,
            $"{alarms.Count}/{Set.NoEmergency.Count} false alarms: " + string.Join(" | ", alarms.Select(a => $"{a.Result.Class}/{a.Result.RuleId}: {a.Text}")));
    }

    /// <summary>The 5% bar holds for each batch on its own, so a small batch's false alarms can't hide in the total.</summary>
    [Theory]
    [MemberData(nameof(SetNames))]
    public void At_most_five_percent_of_no_emergency_messages_raise_anything_in_each_set(string setName)
    {
        var set = SafetySet.Load(SafetySet.PathOf(setName));
        var alarms = set.NoEmergency.Select(t => (Text: t, Result: fixture.Triage.Screen(t))).Where(r => !r.Result.IsNone).ToList();

        Assert.True(set.NoEmergency.Count > 0 && alarms.Count <= set.NoEmergency.Count * 0.05,
            $"{setName}: {alarms.Count}/{set.NoEmergency.Count} false alarms: " + string.Join(" | ", alarms.Select(a => $"{a.Result.Class}/{a.Result.RuleId}: {a.Text}")));
    }

    /// <summary>The FAQ's own example questions are questions: none of them may raise the urgent, crisis or poisoning message.</summary>
    [Fact]
    public void No_faq_example_question_raises_an_alarm()
    {
        var alarms = fixture.Content.Faq.SelectMany(e => e.Questions)
            .Select(q => (Text: q, Result: fixture.Triage.Screen(q)))
            .Where(r => r.Result.Class is TriageClass.Emergency or TriageClass.Crisis or TriageClass.Poisoning)
            .ToList();

        Assert.True(alarms.Count == 0, string.Join(" | ", alarms.Select(a => $"{a.Result.Class}/{a.Result.RuleId}: {a.Text}")));
    }
}
