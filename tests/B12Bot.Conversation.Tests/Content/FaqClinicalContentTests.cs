using System.Text.RegularExpressions;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Content;

/// <summary>
/// What the clinical review asked of the FAQ's words: US English, nothing the sources do not back, lifelong treatment
/// for pernicious anemia, the same-day and emergency advice where it belongs, and the topics patients ask about.
/// </summary>
public sealed partial class FaqClinicalContentTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    /// <summary>Entries other parts of the bot (walkthrough, triage follow-ups, evaluation sets) refer to by id.</summary>
    public static TheoryData<string> PatientTopicIds =>
    [
        "injection_site", "does_it_hurt", "side_effects_duration", "sore_arm_days_later", "after_the_shot", "high_b12_result",
        "blood_thinners", "kidney_disease", "children", "cold_or_vaccine", "missed_dose", "stopping_treatment",
        "feeling_worse_at_start", "nitrous_oxide", "folic_acid", "buying_online", "heart_symptoms_early", "injection_site_infection",
    ];

    public static TheoryData<string> EntryIds => [.. new ContentFixture().Content.Faq.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(PatientTopicIds))]
    public void Topic_patients_ask_about_has_a_sourced_entry_with_natural_phrasings(string id)
    {
        var entry = fixture.Content.Faq.SingleOrDefault(e => e.Id == id);

        Assert.True(entry is not null, $"no FAQ entry '{id}'");
        Assert.True(entry.Questions.Count >= 6, $"'{id}' has {entry.Questions.Count} phrasings; give it at least 6 ways patients ask");
        Assert.False(string.IsNullOrWhiteSpace(entry.Source));
        Assert.InRange(entry.Title.Length, 3, 40);
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Answer_and_title_use_us_english(string id)
    {
        var entry = fixture.Content.GetEntry(id);

        foreach (var text in new[] { entry.Title, entry.Answer })
        {
            var british = BritishSpelling().Match(text);
            Assert.False(british.Success, $"'{id}' says '{british.Value}': use US English (anemia, diarrhea, hemoglobin, celiac, pediatric, normalize, primary care clinician)");
        }
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Urgent_signs_tell_people_to_call_the_emergency_number_not_to_find_urgent_care(string id)
    {
        var answer = Flatten(fixture.Content.GetEntry(id).Answer);

        Assert.DoesNotContain("urgent care", answer, StringComparison.OrdinalIgnoreCase);
        if (answer.Contains("trouble breathing", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Contains("call 911", answer, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void No_answer_suggests_pernicious_anemia_treatment_may_end(string id)
    {
        var answer = Flatten(fixture.Content.GetEntry(id).Answer);

        Assert.DoesNotMatch(PerniciousAnemiaHedged(), answer);
        if (answer.Contains("pernicious anemia", StringComparison.OrdinalIgnoreCase) && StopWord().IsMatch(answer))
        {
            Assert.Contains("lifelong", answer, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("stopping_treatment")]
    [InlineData("schedule_monitoring")]
    public void Answers_about_how_long_treatment_lasts_say_pernicious_anemia_is_lifelong(string id)
    {
        var answer = Flatten(fixture.Content.GetEntry(id).Answer);

        Assert.Contains("pernicious anemia", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lifelong", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("heart_symptoms_early", new[] { "heartbeat", "short of breath", "ankles" })]
    [InlineData("injection_site_infection", new[] { "spreads", "warm", "pus", "fever" })]
    [InlineData("sore_arm_days_later", new[] { "warm", "pus", "fever" })]
    [InlineData("feeling_worse_at_start", new[] { "heartbeat", "shortness of breath", "ankles" })]
    public void Signs_that_need_a_clinician_the_same_day_say_so(string id, string[] signs)
    {
        var answer = Flatten(fixture.Content.GetEntry(id).Answer);

        Assert.Contains("see a clinician today", answer, StringComparison.OrdinalIgnoreCase);
        Assert.All(signs, sign => Assert.Contains(sign, answer, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("heart_symptoms_early")]
    [InlineData("injection_site_infection")]
    [InlineData("side_effects")]
    [InlineData("allergic_reaction")]
    public void Answers_that_name_emergency_signs_give_the_emergency_number(string id)
    {
        Assert.Contains("call 911", Flatten(fixture.Content.GetEntry(id).Answer), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Nasal_spray_is_described_for_maintenance_without_nerve_involvement()
    {
        var answer = Flatten(fixture.Content.GetEntry("forms").Answer);

        Assert.Contains("nasal spray", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("(?i)spray is only for keeping levels up once they are normal, in people whose nerves are not affected", answer);
    }

    [Theory]
    [InlineData("energy_weight_loss")]
    [InlineData("mic_shots")]
    public void Weight_loss_claims_are_hedged_as_lacking_good_evidence(string id)
    {
        var answer = Flatten(fixture.Content.GetEntry(id).Answer);

        Assert.Contains("no good evidence", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("randomized trial", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void No_answer_promises_mood_or_hair_benefits(string id)
    {
        var answer = Flatten(fixture.Content.GetEntry(id).Answer);

        Assert.DoesNotMatch(MoodOrHairBenefit(), answer);
    }

    [Fact]
    public void The_stopping_answer_keeps_pernicious_anemia_treatment_and_leaves_other_changes_to_a_clinician()
    {
        var answer = Flatten(fixture.Content.GetEntry("stopping_treatment").Answer);

        Assert.Contains("don't stop it, even when your levels are normal", answer, StringComparison.Ordinal);
        Assert.Contains("with your clinician", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Nitrous_oxide_answer_sends_nerve_symptoms_to_a_clinician_and_warns_a_normal_test_can_mislead()
    {
        var answer = Flatten(fixture.Content.GetEntry("nitrous_oxide").Answer);

        Assert.Contains("see a clinician promptly", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("even when a B12 blood test looks normal", answer, StringComparison.Ordinal);
    }

    /// <summary>Answers wrap over several YAML lines; phrases are checked as a reader sees them.</summary>
    private static string Flatten(string answer) => Whitespace().Replace(answer.Replace("**", "", StringComparison.Ordinal), " ");

    [GeneratedRegex(@"(?i)\b(anaemi\w*|diarrhoea|haemo\w*|coeliac|paediatric\w*|oedema|normalis\w*|judgement|aluminium|oestrogen|GP|GPs|A&E)\b")]
    private static partial Regex BritishSpelling();

    [GeneratedRegex(@"(?i)pernicious anemia[^.]*\b(often|usually|may be|can be) lifelong")]
    private static partial Regex PerniciousAnemiaHedged();

    [GeneratedRegex(@"(?i)\bstop")]
    private static partial Regex StopWord();

    [GeneratedRegex(@"(?i)\b(lifts?|improves?|boosts?|helps?)\b[^.]{0,30}\b(mood|hair)\b")]
    private static partial Regex MoodOrHairBenefit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
