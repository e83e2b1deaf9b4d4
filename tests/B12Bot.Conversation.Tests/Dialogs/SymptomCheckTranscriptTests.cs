using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>
/// Transcripts of the symptom check: the rows of the guide's decision table as a person answers them, the treatment,
/// blood-test and severity questions, answers in people's own words, and back/restart/cancel/help.
/// Questions: allergy, pregnancy, neuro, malabsorption, diet, medications, treatment, labs, then severe (only when the
/// blood test was low).
/// </summary>
public sealed class SymptomCheckTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private const string Meat = "I eat meat, fish, eggs or dairy";
    private const string Vegan = "Vegan or vegetarian";
    private const string NoTreatment = "No";
    private const string Shots = "Yes, shots";
    private const string Tablets = "Yes, tablets or spray";
    private const string Low = "Yes, it was low";
    private const string LowOnTablets = "Still low on tablets";
    private const string Borderline = "Borderline or low-normal";
    private const string NotLow = "Tested, not low";
    private const string NotTested = "Not tested";

    private static readonly string[] LabOptions = [Low, LowOnTablets, Borderline, NotLow, NotTested, "Not sure"];

    private string Prompt(string questionId) => fixture.Content.Walkthrough.Questions.Single(q => q.Id == questionId).Prompt;

    private string OutcomeTitle(string id) => fixture.Content.Walkthrough.FindOutcome(id).Title;

    [Fact]
    public async Task Check_my_symptoms_introduces_the_walkthrough_and_asks_the_first_question_with_buttons()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("check my symptoms");

        Assert.Equal(2, replies.Count);
        Assert.Equal(fixture.Content.Walkthrough.Intro, replies[0].Text);
        Assert.Contains("call 911 now", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(Prompt("allergy"), replies[1].Text);
        Assert.Equal(["Yes", "No", "Not sure"], BotConversation.QuickReplies(replies[1]));
    }

    [Fact]
    public async Task Should_i_get_b12_shots_starts_the_walkthrough()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("should I get b12 shots?");

        Assert.Equal(Prompt("allergy"), replies[^1].Text);
    }

    [Theory]
    // Confirmed deficiency with an absorption barrier: injections may be appropriate.
    [InlineData("injection_may_be_appropriate", "No", "No", "No", "Yes", Meat, "No", NoTreatment, Low, "No")]
    // Confirmed deficiency, no absorption barriers: oral may be sufficient.
    [InlineData("oral_may_be_sufficient", "No", "No", "No", "No", Meat, "No", NoTreatment, Low, "No")]
    // Dietary risk, mild-to-moderate, absorption normal: oral may be sufficient.
    [InlineData("oral_may_be_sufficient", "No", "No", "No", "No", Vegan, "No", NoTreatment, Low, "No")]
    // Dietary risk with failure of oral replacement: injections may be appropriate.
    [InlineData("injection_may_be_appropriate", "No", "No", "No", "No", Vegan, "No", Tablets, LowOnTablets, "No")]
    // Dietary risk with a severe deficiency: a clinician promptly, injections may be appropriate.
    [InlineData("prompt_low", "No", "No", "No", "No", Vegan, "No", NoTreatment, Low, "Yes")]
    // Symptoms without labs: get tested first.
    [InlineData("evaluate_first", "No", "No", "No", "No", Meat, "Yes", NoTreatment, NotTested)]
    // Tested, not low, no absorption problem and no treatment: other causes.
    [InlineData("normal_level", "No", "No", "No", "No", Meat, "No", NoTreatment, NotLow)]
    // Absorption problem, normal level, no treatment: never "unlikely to help".
    [InlineData("normal_ask_clinician", "No", "No", "No", "Yes", Meat, "No", NoTreatment, NotLow)]
    // Extra caution: allergy or pregnancy before choosing a form.
    [InlineData("clinician_first", "Yes", "No", "No", "No", Meat, "No", NoTreatment, Low, "No")]
    [InlineData("clinician_first", "No", "Yes", "No", "Yes", Meat, "No", NoTreatment, Low, "No")]
    // Nerve symptoms: a clinician promptly, whatever the blood test says.
    [InlineData("prompt_low", "No", "No", "Yes", "Yes", Meat, "No", NoTreatment, Low, "No")]
    [InlineData("prompt_evaluation", "No", "No", "Yes", "No", Meat, "No", NoTreatment, NotTested)]
    public async Task Outcome_follows_the_guides_decision_table(string outcome, params string[] answers)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var final = await AnswerAllAsync(chat, answers);

        var reply = Assert.Single(final);
        Assert.StartsWith(OutcomeTitle(outcome), reply.Text, StringComparison.Ordinal);
        Assert.Contains(fixture.Content.Walkthrough.SummaryHeading, reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Serious allergy or injection reaction: " + answers[0], reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Blood test: " + answers[7], reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("not medical advice.", reply.Text, StringComparison.Ordinal);
        Assert.False(BotConversation.IsUrgent(reply));
    }

    [Fact]
    public async Task Treatment_question_comes_before_the_blood_test_and_keep_your_treatment_is_the_outcome_for_a_normal_level_on_shots()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await AnswerAllAsync(chat, ["No", "No", "No", "yes, I have pernicious anemia", Meat]);

        var treatment = Assert.Single(await chat.SayAsync("no"));
        var labs = Assert.Single(await chat.SayAsync("yes, I get B12 shots every month"));
        var outcome = Assert.Single(await chat.SayAsync("it was normal")).Text!;

        Assert.Equal(Prompt("treatment"), treatment.Text);
        Assert.Equal([Shots, Tablets, "No", "Not sure"], BotConversation.QuickReplies(treatment));
        Assert.Equal(Prompt("labs"), labs.Text);
        Assert.StartsWith(OutcomeTitle("keep_treatment"), outcome, StringComparison.Ordinal);
        Assert.Contains("don't stop or change it on your own", outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("unlikely to help", outcome, StringComparison.Ordinal);
        Assert.Contains("- B12 treatment now: " + Shots, outcome, StringComparison.Ordinal);
        Assert.Contains("- Absorption problem (pernicious anemia, surgery, Crohn's, celiac): Yes", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_yes_to_the_treatment_question_asks_which_treatment()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No", "No", "No", Meat, "No");

        var clarify = Assert.Single(await chat.SayAsync("yes"));
        var labs = Assert.Single(await chat.SayAsync("tablets"));

        var treatment = fixture.Content.Walkthrough.Questions.Single(q => q.Id == "treatment");
        Assert.Equal(treatment.Ambiguity!.Reply + "\n\n" + treatment.Prompt, clarify.Text);
        Assert.Equal([Shots, Tablets, "No", "Not sure"], BotConversation.QuickReplies(clarify));
        Assert.Equal(Prompt("labs"), labs.Text);
    }

    [Fact]
    public async Task A_bare_no_to_the_blood_test_question_is_asked_again_with_the_options()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No", "No", "No", Meat, "No", NoTreatment);

        var clarify = Assert.Single(await chat.SayAsync("no"));
        var stillUnclear = Assert.Single(await chat.SayAsync("nope"));
        var outcome = Assert.Single(await chat.SayAsync("I haven't been tested")).Text!;

        var labs = fixture.Content.Walkthrough.Questions.Single(q => q.Id == "labs");
        Assert.Equal(labs.Ambiguity!.Reply + "\n\n" + labs.Prompt, clarify.Text);
        Assert.Contains("wasn't low", clarify.Text, StringComparison.Ordinal);
        Assert.Contains("haven't had a B12 test", clarify.Text, StringComparison.Ordinal);
        Assert.Equal(LabOptions, BotConversation.QuickReplies(clarify));
        Assert.Equal(clarify.Text, stillUnclear.Text);
        Assert.StartsWith(OutcomeTitle("evaluate_first"), outcome, StringComparison.Ordinal);
        Assert.Contains("- Blood test: " + NotTested, outcome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no, it was normal", NotLow)]
    [InlineData("no I've never been tested", NotTested)]
    [InlineData("no, tablets didn't help", LowOnTablets)]
    public async Task A_no_that_says_more_is_understood_without_asking_again(string answer, string label)
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No", "No", "No", Meat, "No", NoTreatment);

        var replies = await chat.SayAsync(answer);

        if (label == LowOnTablets)
        {
            Assert.Equal(Prompt("severe"), Assert.Single(replies).Text);
        }
        else
        {
            Assert.Contains("- Blood test: " + label, Assert.Single(replies).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Borderline_is_an_option_and_gets_a_repeat_or_extra_test_without_a_severity_question()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No", "No", "No", Meat, "No", NoTreatment);

        var outcome = Assert.Single(await chat.SayAsync("it was borderline, low normal")).Text!;

        Assert.StartsWith(OutcomeTitle("borderline"), outcome, StringComparison.Ordinal);
        Assert.Contains("- Blood test: " + Borderline, outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("Severe deficiency", outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("without", outcome, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task No_tablets_didnt_help_means_still_low_on_tablets_and_injections_may_be_appropriate()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No", "No", "No", Vegan, "No", Tablets);

        var severe = Assert.Single(await chat.SayAsync("no, tablets didn't help"));
        var outcome = Assert.Single(await chat.SayAsync("no")).Text!;

        Assert.Equal(Prompt("severe"), severe.Text);
        Assert.StartsWith(OutcomeTitle("injection_may_be_appropriate"), outcome, StringComparison.Ordinal);
        Assert.Contains("- Blood test: " + LowOnTablets, outcome, StringComparison.Ordinal);
        Assert.Contains("Keep taking your B12 as prescribed", outcome, StringComparison.Ordinal);
        Assert.Contains("vegan or vegetarian diet is a common cause", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_sure_about_absorption_gets_its_own_outcome_not_the_extra_caution_text()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var outcome = Assert.Single(await AnswerAllAsync(chat, ["No", "No", "No", "I'm not sure", Meat, "No", NoTreatment, Low, "No"])).Text!;

        Assert.StartsWith(OutcomeTitle("absorption_unknown"), outcome, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Content.Walkthrough.FindOutcome("clinician_first").Text, outcome, StringComparison.Ordinal);
        Assert.Contains("- Absorption problem (pernicious anemia, surgery, Crohn's, celiac): Not sure", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmed_low_with_nerve_symptoms_says_see_a_clinician_promptly_and_never_escalates()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No");

        var afterNeuro = await chat.SayAsync("yes, numbness and tingling in my feet and my balance is off");
        var final = await AnswerAllAsync(chat, ["No", Meat, "No", NoTreatment, Low, "No"]);

        Assert.All(afterNeuro, r => Assert.False(BotConversation.IsUrgent(r)));
        Assert.Equal(Prompt("malabsorption"), afterNeuro[^1].Text);
        var outcome = Assert.Single(final).Text!;
        Assert.StartsWith(OutcomeTitle("prompt_low"), outcome, StringComparison.Ordinal);
        Assert.Contains("within days", outcome, StringComparison.Ordinal);
        Assert.Contains("injections may be appropriate", outcome, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Content.Safety.UrgentMessage, outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_serious_allergy_in_own_words_counts_as_yes()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        // "yes, anaphylaxis to bee stings" is recognized the same (WalkthroughAnswerRecognizerTests); whether the
        // safety triage lets such history through is its own test.
        var next = await chat.SayAsync("yes, I had anaphylaxis from a bee sting years ago");
        var final = await AnswerAllAsync(chat, ["No", "No", "No", Meat, "No", NoTreatment, Low, "No"]);

        Assert.All(next, r => Assert.False(BotConversation.IsUrgent(r)));
        Assert.Equal(Prompt("pregnancy"), next[^1].Text);
        var outcome = Assert.Single(final).Text!;
        Assert.StartsWith(OutcomeTitle("clinician_first"), outcome, StringComparison.Ordinal);
        Assert.Contains("(to anything, not only B12)", outcome, StringComparison.Ordinal);
        Assert.Contains("- Serious allergy or injection reaction: Yes", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_in_own_words_are_understood()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var final = await AnswerAllAsync(chat, ["nope", "nah not applicable", "no", "yes I had gastric bypass surgery", "I'm vegan", "I'm not sure", "nope", "yep it was low", "not really"]);

        var outcome = Assert.Single(final).Text!;
        Assert.StartsWith(OutcomeTitle("injection_may_be_appropriate"), outcome, StringComparison.Ordinal);
        Assert.Contains("- Diet: Vegan or vegetarian", outcome, StringComparison.Ordinal);
        Assert.Contains("- Metformin or acid reducer: Not sure", outcome, StringComparison.Ordinal);
        Assert.Contains("- Severe deficiency or symptoms: No", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metformin_is_a_reason_to_check_levels_in_the_outcome()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var outcome = Assert.Single(await AnswerAllAsync(chat, ["No", "No", "No", "No", Meat, "yes, metformin", NoTreatment, NotTested])).Text!;

        Assert.StartsWith(OutcomeTitle("evaluate_first"), outcome, StringComparison.Ordinal);
        Assert.Contains("a reason to check your level", outcome, StringComparison.Ordinal);
        Assert.Contains("- Metformin or acid reducer: Yes", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unclear_answer_gets_the_retry_prompt_then_the_walkthrough_goes_on()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var retry = Assert.Single(await chat.SayAsync("purple"));
        var next = Assert.Single(await chat.SayAsync("no"));

        Assert.Equal(fixture.Content.Walkthrough.Retry + "\n\n" + Prompt("allergy"), retry.Text);
        Assert.Equal(["Yes", "No", "Not sure"], BotConversation.QuickReplies(retry));
        Assert.Equal(Prompt("pregnancy"), next.Text);
    }

    [Fact]
    public async Task A_question_mid_walkthrough_is_answered_and_the_current_question_asked_again()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No");

        var replies = await chat.SayAsync("wait, what are the side effects of b12 shots?");
        var next = Assert.Single(await chat.SayAsync("no"));

        Assert.Equal(3, replies.Count);
        Assert.Equal(fixture.Content.GetEntry("side_effects").Answer, replies[0].Text);
        Assert.Equal(fixture.Content.Walkthrough.Resume, replies[1].Text);
        Assert.Equal(Prompt("neuro"), replies[2].Text);
        Assert.Equal(Prompt("malabsorption"), next.Text);
    }

    [Fact]
    public async Task Back_returns_to_the_previous_question_and_forgets_its_answer()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "Yes", "No");

        var back = Assert.Single(await chat.SayAsync("back"));
        var backAgain = Assert.Single(await chat.SayAsync("go back"));
        await chat.SayAsync("no"); // allergy again, now No
        var final = await AnswerAllAsync(chat, ["No", "No", "No", Meat, "No", NoTreatment, Low, "No"]);

        Assert.Equal(Prompt("pregnancy"), back.Text);
        Assert.Equal(Prompt("allergy"), backAgain.Text);
        var outcome = Assert.Single(final).Text!;
        Assert.StartsWith(OutcomeTitle("oral_may_be_sufficient"), outcome, StringComparison.Ordinal);
        Assert.Contains("- Serious allergy or injection reaction: No", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_from_the_severity_question_changes_the_blood_test_and_the_severity_question_is_then_skipped()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No", "No", "No", Meat, "No", NoTreatment);
        var severe = Assert.Single(await chat.SayAsync(Low));

        var back = Assert.Single(await chat.SayAsync("back"));
        var outcome = Assert.Single(await chat.SayAsync(NotLow)).Text!;

        Assert.Equal(Prompt("severe"), severe.Text);
        Assert.Equal(Prompt("labs"), back.Text);
        Assert.StartsWith(OutcomeTitle("normal_level"), outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("Severe deficiency", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_at_the_first_question_says_so_and_asks_it_again()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync("go back");

        Assert.Equal([fixture.Content.Walkthrough.AtFirstQuestion, Prompt("allergy")], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task Restart_begins_again_from_the_first_question_with_no_answers()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "yes", "yes", "no", "no", Meat, "no", Shots);

        var replies = await chat.SayAsync("start over");
        var final = await AnswerAllAsync(chat, ["No", "No", "No", "No", Meat, "No", NoTreatment, Low, "No"]);

        Assert.Equal([fixture.Content.Walkthrough.Restarted, Prompt("allergy")], replies.Select(r => r.Text));
        var outcome = Assert.Single(final).Text!;
        Assert.StartsWith(OutcomeTitle("oral_may_be_sufficient"), outcome, StringComparison.Ordinal);
        Assert.Contains("- B12 treatment now: No", outcome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wipe it and go back to the first question")]
    [InlineData("back to question one please")]
    public async Task Going_back_to_the_first_question_in_other_words_restarts_the_walkthrough(string restart)
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "No");

        var replies = await chat.SayAsync(restart);

        Assert.Equal([fixture.Content.Walkthrough.Restarted, Prompt("allergy")], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task Cancel_stops_the_walkthrough()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No");

        var cancelled = Assert.Single(await chat.SayAsync("cancel"));
        var after = Assert.Single(await chat.SayAsync("are b12 shots safe"));

        Assert.Equal(fixture.Content.Walkthrough.Cancelled, cancelled.Text);
        Assert.Equal(fixture.Content.GetEntry("safety").Answer, after.Text);
    }

    [Fact]
    public async Task Help_explains_the_walkthrough_and_asks_the_current_question_again()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No");

        var replies = await chat.SayAsync("help");

        Assert.Equal([fixture.Content.Walkthrough.Help, Prompt("pregnancy")], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task Walkthrough_state_survives_between_turns_as_stored_json()
    {
        var chat = new BotConversation(fixture);
        await StartAndAnswerAsync(chat, "No", "not sure");

        // Every turn reloads the stack and the progress from storage (MemoryStorage keeps JSON), so this also checks
        // that the saved answers come back.
        var final = await AnswerAllAsync(chat, ["No", "No", Meat, "No", NoTreatment, Low, "No"]);

        var outcome = Assert.Single(final).Text!;
        Assert.Contains("- Pregnant or breastfeeding: Not sure", outcome, StringComparison.Ordinal);
        Assert.StartsWith(OutcomeTitle("clinician_first"), outcome, StringComparison.Ordinal);
    }

    private static async Task StartAndAnswerAsync(BotConversation chat, params string[] answers)
    {
        await chat.SayAsync("check my symptoms");
        await AnswerAllAsync(chat, answers);
    }

    private static async Task<List<Activity>> AnswerAllAsync(BotConversation chat, IEnumerable<string> answers)
    {
        List<Activity> last = [];
        foreach (var answer in answers)
        {
            last = await chat.SayAsync(answer);
        }

        return last;
    }
}
