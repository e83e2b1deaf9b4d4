using System.Text.RegularExpressions;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Content;

/// <summary>
/// The symptom check's outcome for every way through its questions, listed in a table a reviewer reads
/// (Data/walkthrough-outcomes.md) and checked against the clinic guide's decision table ("Choosing between B12
/// formats"), its "When extra caution is warranted" list, and the clinical review in issue 9.
/// </summary>
public sealed partial class WalkthroughOutcomeTableTests(WalkthroughOutcomesFixture fixture) : IClassFixture<WalkthroughOutcomesFixture>
{
    private const string UpdateVariable = "B12_UPDATE_WALKTHROUGH_TABLE";

    private static readonly string[] Caution = ["yes", "unsure"];
    private static readonly string[] Tested = ["low", "low_on_tablets", "borderline", "normal"];
    private static readonly string[] ConfirmedLow = ["low", "low_on_tablets"];
    private static readonly string[] OnTreatment = ["injections", "tablets"];

    private Walkthrough Walkthrough => fixture.Walkthrough;

    private IReadOnlyList<WalkthroughPath> Paths() => fixture.Paths;

    [Fact]
    public void The_outcome_table_matches_the_reviewed_table_file()
    {
        var expectedPath = RepositoryPaths.TestData("walkthrough-outcomes.md");
        var actual = WalkthroughOutcomeTable.Build(Walkthrough);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : "";
        if (expected != actual)
        {
            var actualPath = Path.Combine(Path.GetTempPath(), "walkthrough-outcomes.actual.md");
            File.WriteAllText(actualPath, actual);
            Assert.Fail($"The symptom check's outcomes changed. Compare {actualPath} with {expectedPath}; if the change is reviewed and intended, run the test with {UpdateVariable}=1.");
        }
    }

    [Fact]
    public void The_table_covers_every_answer_combination_and_is_short_enough_to_review()
    {
        var paths = Paths();
        var table = WalkthroughOutcomeTable.Build(Walkthrough);
        var rows = table.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1;

        // 3 answers to each of allergy, pregnancy, nerve symptoms, absorption, diet and medicines; 4 to treatment;
        // 6 to the blood test, of which the 2 low ones ask about severity (3 answers): 3^6 * 4 * (4 + 2 * 3).
        Assert.Equal(729 * 4 * 10, paths.Count);
        Assert.InRange(rows, 10, 80);
        Assert.All(Walkthrough.Outcomes, o => Assert.Contains("| " + o.Id + " |", table, StringComparison.Ordinal));
    }

    // ---- The guide's decision table ----

    [Fact]
    public void Confirmed_deficiency_with_malabsorption_injection_may_be_appropriate()
    {
        var rows = Paths().Where(p => p.Is("labs", "low") && p.Is("malabsorption", "yes") && Routine(p) && !p.Is("treatment", "injections") && !CautionGiven(p)).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.Equal("injection_may_be_appropriate", p.Outcome));
    }

    [Fact]
    public void Confirmed_deficiency_without_absorption_barriers_oral_may_be_sufficient()
    {
        var rows = Paths().Where(p => p.Is("labs", "low") && p.Is("malabsorption", "no") && Routine(p) && !p.Is("treatment", "injections") && !CautionGiven(p)).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.Equal("oral_may_be_sufficient", p.Outcome));
        // Dietary risk with a mild-to-moderate deficiency is the same row of the guide's table.
        Assert.Contains(rows, p => p.Is("diet", "vegan") && p.Is("severe", "no"));
    }

    [Fact]
    public void Level_still_low_on_tablets_injection_may_be_appropriate_whatever_the_cause()
    {
        var rows = Paths().Where(p => p.Is("labs", "low_on_tablets") && Routine(p) && !p.Is("treatment", "injections") && !CautionGiven(p)).ToList();

        Assert.Equal(3, rows.Select(p => p.Answers["malabsorption"]).Distinct().Count());
        Assert.All(rows, p => Assert.Equal("injection_may_be_appropriate", p.Outcome));
    }

    [Fact]
    public void Severe_deficiency_including_dietary_risk_sees_a_clinician_promptly_and_hears_injections_may_be_appropriate()
    {
        var rows = Paths().Where(p => p.Is("severe", "yes")).ToList();

        Assert.Contains(rows, p => p.Is("diet", "vegan") && p.Is("malabsorption", "no"));
        Assert.All(rows, p =>
        {
            Assert.Equal("prompt_low", p.Outcome);
            Assert.Contains("promptly", p.Body, StringComparison.Ordinal);
            Assert.Contains("injections may be appropriate", p.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Symptoms_without_labs_get_evaluated_first()
    {
        var rows = Paths().Where(p => p.Is("labs", "not_tested", "unsure") && !p.Is("neuro", "yes") && !p.Is("treatment", OnTreatment)).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.Equal("evaluate_first", p.Outcome));
    }

    // ---- The guide's "when extra caution is warranted" ----

    [Fact]
    public void Nerve_symptoms_always_mean_a_clinician_promptly()
    {
        var rows = Paths().Where(p => p.Is("neuro", "yes")).ToList();

        Assert.All(rows, p =>
        {
            Assert.Contains(p.Outcome, (string[])["prompt_low", "prompt_evaluation"]);
            Assert.Contains("promptly", p.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Confirmed_low_with_nerve_or_severe_symptoms_is_prompt_care_where_injections_may_be_appropriate()
    {
        var rows = Paths().Where(p => p.Is("labs", ConfirmedLow) && (p.Is("neuro", "yes") || p.Is("severe", "yes"))).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.Equal("prompt_low", p.Outcome));
        Assert.Contains("injections may be appropriate", Walkthrough.FindOutcome("prompt_low").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_extra_caution_outcome_is_only_given_for_allergy_or_pregnancy_answers()
    {
        var caution = Walkthrough.FindOutcome("clinician_first").Text;

        foreach (var path in Paths().Where(p => !CautionGiven(p)))
        {
            Assert.NotEqual("clinician_first", path.Outcome);
            Assert.DoesNotContain(caution, path.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Allergy_question_and_its_note_are_about_any_serious_allergy_not_only_b12_or_cobalt()
    {
        var allergy = Walkthrough.Questions.Single(q => q.Id == "allergy");
        var replies = Paths().Where(p => p.Is("allergy", "yes")).Select(p => p.Body).Distinct().Take(50).ToList();

        Assert.Contains("anything", allergy.Prompt, StringComparison.Ordinal);
        Assert.Contains("food", allergy.Prompt, StringComparison.Ordinal);
        Assert.Contains("insect sting", allergy.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("B12 or cobalt", allergy.Prompt, StringComparison.Ordinal);
        Assert.All(replies, r => Assert.Contains("(to anything, not only B12)", r, StringComparison.Ordinal));
    }

    // ---- Issue 9: outcomes that are clinically right ----

    [Fact]
    public void Absorption_problem_with_a_normal_level_is_never_told_injections_are_unlikely_to_help()
    {
        var rows = Paths().Where(p => p.Is("malabsorption", "yes") && p.Is("labs", "normal")).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.DoesNotContain("unlikely to help", p.Body, StringComparison.OrdinalIgnoreCase));
        Assert.All(rows.Where(p => !p.Is("neuro", "yes")), p =>
            Assert.Equal(p.Is("treatment", OnTreatment) ? "keep_treatment" : "normal_ask_clinician", p.Outcome));
    }

    [Fact]
    public void Anyone_already_on_b12_is_told_to_keep_it_and_never_that_it_is_unlikely_to_help()
    {
        var rows = Paths().Where(p => p.Is("treatment", OnTreatment)).ToList();

        Assert.All(rows, p =>
        {
            Assert.Matches(KeepTreatmentPattern(), p.Body);
            Assert.DoesNotContain("unlikely to help", p.Body, StringComparison.OrdinalIgnoreCase);
        });
        Assert.All(rows.Where(p => p.Is("labs", "normal") && !p.Is("neuro", "yes")), p => Assert.Equal("keep_treatment", p.Outcome));
        Assert.Contains("*because* of the treatment", Walkthrough.FindOutcome("keep_treatment").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_who_was_tested_is_told_there_is_no_lab_confirmation()
    {
        var rows = Paths().Where(p => p.Is("labs", Tested)).ToList();

        Assert.All(rows, p =>
        {
            Assert.NotEqual("evaluate_first", p.Outcome);
            Assert.DoesNotMatch(NoLabsPattern(), p.Body);
        });
        Assert.Matches(NoLabsPattern(), Walkthrough.FindOutcome("evaluate_first").Text); // the pattern does catch it
    }

    [Fact]
    public void Not_sure_about_absorption_with_a_low_level_gets_its_own_honest_outcome()
    {
        var rows = Paths().Where(p => p.Is("malabsorption", "unsure") && p.Is("labs", "low") && Routine(p) && !p.Is("treatment", "injections") && !CautionGiven(p)).ToList();
        var text = Walkthrough.FindOutcome("absorption_unknown").Text;

        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.Equal("absorption_unknown", p.Outcome));
        Assert.Contains("not sure", text, StringComparison.Ordinal);
        Assert.DoesNotContain("extra care", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Borderline_results_get_a_repeat_or_extra_test_not_a_verdict()
    {
        var rows = Paths().Where(p => p.Is("labs", "borderline") && !p.Is("neuro", "yes") && !p.Is("treatment", OnTreatment)).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, p => Assert.Equal("borderline", p.Outcome));
    }

    [Fact]
    public void A_vegan_or_vegetarian_diet_counts_as_dietary_risk_in_every_reply()
    {
        foreach (var path in Paths())
        {
            if (path.Is("diet", "vegan"))
            {
                Assert.Contains("vegan or vegetarian diet is a common cause of low B12", path.Body, StringComparison.Ordinal);
                if (path.Is("labs", "not_tested", "unsure"))
                {
                    Assert.Contains("good reason to get your level checked", path.Body, StringComparison.Ordinal);
                }
            }
            else
            {
                Assert.DoesNotContain("vegan or vegetarian diet is", path.Body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Metformin_and_acid_reducers_are_a_reason_to_check_levels()
    {
        foreach (var path in Paths())
        {
            var said = path.Body.Contains("Metformin and acid reducers can lower B12", StringComparison.Ordinal);
            Assert.Equal(path.Is("medications", "yes"), said);
            if (said)
            {
                Assert.Contains("a reason to check your level", path.Body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_reply_summarizes_the_answers_and_ends_with_general_information_not_medical_advice()
    {
        var summaryLine = Walkthrough.Questions.ToDictionary(q => q.Id, q => q.Choices.ToDictionary(c => c.Value, c => $"\n- {q.Summary}: {c.Label}"));
        foreach (var path in Paths())
        {
            // Outcome and notes, then every answer given, in question order, then next steps.
            var summary = string.Concat(Walkthrough.Questions.Where(q => path.Answers.ContainsKey(q.Id)).Select(q => summaryLine[q.Id][path.Answers[q.Id]]));
            var expected = path.Body + "\n\n" + Walkthrough.SummaryHeading + summary + "\n\n" + Walkthrough.NextSteps;

            Assert.Equal(expected, WalkthroughReport.Describe(Walkthrough, path.Answers));
        }

        Assert.Contains("general information", Walkthrough.NextSteps, StringComparison.Ordinal);
        Assert.Contains("not medical advice", Walkthrough.NextSteps, StringComparison.Ordinal);
    }

    // ---- Language ----

    [Fact]
    public void Walkthrough_text_is_us_english_and_gives_the_configured_emergency_number()
    {
        var shown = ShownTexts(Walkthrough).ToList();
        var loadedWith112 = B12ContentLoader.Load(RepositoryPaths.Dialogs, "112").Walkthrough;

        Assert.All(shown, text => Assert.DoesNotMatch(BritishPattern(), text));
        Assert.Contains(shown, text => text.Contains("anemia", StringComparison.Ordinal));
        Assert.Contains(shown, text => text.Contains("primary care clinician", StringComparison.Ordinal));
        Assert.Contains("call 911 now", Walkthrough.Intro, StringComparison.Ordinal);
        Assert.Contains("call 112 now", loadedWith112.Intro, StringComparison.Ordinal);
    }

    [Fact]
    public void Walkthrough_text_reads_at_about_grade_6_to_8()
    {
        var texts = ShownTexts(Walkthrough).Where(t => t.Split(' ').Length >= 12).ToList();
        var grades = texts.Select(t => (Text: t, Grade: ReadingGrade.Of(t))).ToList();

        Assert.All(grades, g => Assert.True(g.Grade <= 10.0, $"grade {g.Grade:0.0}: {g.Text}"));
        Assert.InRange(grades.Average(g => g.Grade), 5.0, 8.0);
    }

    private static IEnumerable<string> ShownTexts(Walkthrough walkthrough) =>
        new[] { walkthrough.Intro, walkthrough.Help, walkthrough.NextSteps, walkthrough.Retry }
            .Concat(walkthrough.Questions.SelectMany(q => new[] { q.Prompt, q.Summary, q.Ambiguity?.Reply ?? "" }.Concat(q.Choices.Select(c => c.Label))))
            .Concat(walkthrough.Outcomes.SelectMany(o => new[] { o.Title, o.Text }))
            .Concat(walkthrough.Notes.Select(n => n.Text))
            .Where(t => t.Length > 0);

    /// <summary>Not time-critical: no nerve symptoms and no severe deficiency.</summary>
    private static bool Routine(WalkthroughPath path) => !path.Is("neuro", "yes") && !path.Is("severe", "yes");

    private static bool CautionGiven(WalkthroughPath path) => path.Is("allergy", Caution) || path.Is("pregnancy", Caution);

    [GeneratedRegex(@"Keep taking your B12|Keep your treatment|Keep your shots")]
    private static partial Regex KeepTreatmentPattern();

    [GeneratedRegex(@"without (a )?(lab|blood test)|lab confirmation", RegexOptions.IgnoreCase)]
    private static partial Regex NoLabsPattern();

    [GeneratedRegex(@"\b(anaemi\w*|coeliac|haem\w*|oesophag\w*|GP|A&E|999|colour|behaviour|programme|paediatric\w*|fibre)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BritishPattern();
}
