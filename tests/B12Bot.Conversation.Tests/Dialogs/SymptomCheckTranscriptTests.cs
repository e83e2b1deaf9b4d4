using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>Transcripts of the symptom check: every row of the guide's decision table, and back/restart/cancel/help.</summary>
public sealed class SymptomCheckTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private const string Meat = "I eat meat, fish, eggs or dairy";
    private const string Vegan = "Vegan or vegetarian";
    private const string Confirmed = "Yes, confirmed low";

    private string Prompt(int question) => fixture.Content.Walkthrough.Questions[question].Prompt;

    private string OutcomeTitle(string id) => fixture.Content.Walkthrough.FindOutcome(id).Title;

    [Fact]
    public async Task Check_my_symptoms_introduces_the_walkthrough_and_asks_the_first_question_with_buttons()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("check my symptoms");

        Assert.Equal(2, replies.Count);
        Assert.Equal(fixture.Content.Walkthrough.Intro, replies[0].Text);
        Assert.Equal(Prompt(0), replies[1].Text);
        Assert.Equal(["Yes", "No", "Not sure"], BotConversation.QuickReplies(replies[1]));
    }

    [Fact]
    public async Task Should_i_get_b12_shots_starts_the_walkthrough()
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync("should I get b12 shots?");

        Assert.Equal(Prompt(0), replies[^1].Text);
    }

    [Theory]
    // Confirmed deficiency with an absorption barrier: injections may be appropriate.
    [InlineData("injection_may_be_appropriate", "No", "No", "No", "Yes", Meat, Confirmed, "No")]
    // Confirmed deficiency, no absorption barriers: oral may be sufficient.
    [InlineData("oral_may_be_sufficient", "No", "No", "No", "No", Meat, Confirmed, "No")]
    // Dietary risk, mild-to-moderate, absorption normal: oral may be sufficient.
    [InlineData("oral_may_be_sufficient", "No", "No", "No", "No", Vegan, Confirmed, "No")]
    // Dietary risk with failure of oral replacement: injections may be appropriate.
    [InlineData("injection_may_be_appropriate", "No", "No", "No", "No", Vegan, "Yes, and still low on tablets", "No")]
    // Symptoms without labs: evaluate first.
    [InlineData("evaluate_first", "No", "No", "No", "No", Meat, "Not tested", "No")]
    [InlineData("evaluate_first", "No", "No", "No", "Yes", Meat, "Tested, not low", "Yes")]
    // Extra caution: allergy, pregnancy, neurologic symptoms -> a clinician before starting.
    [InlineData("clinician_first", "Yes", "No", "No", "No", Meat, Confirmed, "No")]
    [InlineData("clinician_first", "No", "Yes", "No", "Yes", Meat, Confirmed, "No")]
    [InlineData("clinician_first", "No", "No", "Yes", "Yes", Meat, Confirmed, "No")]
    public async Task Outcome_follows_the_guides_decision_table(string outcome, params string[] answers)
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var final = await AnswerAllAsync(chat, answers);

        var reply = Assert.Single(final);
        Assert.StartsWith(OutcomeTitle(outcome), reply.Text, StringComparison.Ordinal);
        Assert.Contains(fixture.Content.Walkthrough.SummaryHeading, reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Allergy or earlier injection reaction: " + answers[0], reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Lab confirmation: " + answers[5], reply.Text, StringComparison.Ordinal);
        Assert.Contains("Next steps", reply.Text, StringComparison.Ordinal);
        Assert.False(BotConversation.IsUrgent(reply));
    }

    [Fact]
    public async Task Neurologic_symptoms_say_see_a_clinician_promptly_and_never_escalate()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("no");
        await chat.SayAsync("no");

        var afterNeuro = await chat.SayAsync("yes, numbness and tingling in my feet and my balance is off");
        var final = await AnswerAllAsync(chat, ["No", Meat, Confirmed, "No"]);

        Assert.All(afterNeuro, r => Assert.False(BotConversation.IsUrgent(r)));
        Assert.Equal(Prompt(3), afterNeuro[^1].Text);
        var outcome = Assert.Single(final).Text!;
        Assert.Contains("see a clinician promptly", outcome, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Content.Safety.UrgentMessage, outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_in_own_words_are_understood()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var final = await AnswerAllAsync(chat, ["nope", "nah not applicable", "no", "yes I had gastric bypass surgery", "I'm vegan", "yep it was low", "I'm not sure"]);

        var outcome = Assert.Single(final).Text!;
        Assert.StartsWith(OutcomeTitle("injection_may_be_appropriate"), outcome, StringComparison.Ordinal);
        Assert.Contains("- Diet: Vegan or vegetarian", outcome, StringComparison.Ordinal);
        Assert.Contains("- Long-term medicines: Not sure", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unclear_answer_gets_the_retry_prompt_then_the_walkthrough_goes_on()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var retry = Assert.Single(await chat.SayAsync("purple"));
        var next = Assert.Single(await chat.SayAsync("no"));

        Assert.Equal(fixture.Content.Walkthrough.Retry + "\n\n" + Prompt(0), retry.Text);
        Assert.Equal(["Yes", "No", "Not sure"], BotConversation.QuickReplies(retry));
        Assert.Equal(Prompt(1), next.Text);
    }

    [Fact]
    public async Task A_question_mid_walkthrough_is_answered_and_the_current_question_asked_again()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("no");
        await chat.SayAsync("no");

        var replies = await chat.SayAsync("wait, what are the side effects of b12 shots?");
        var next = Assert.Single(await chat.SayAsync("no"));

        Assert.Equal(3, replies.Count);
        Assert.Equal(fixture.Content.GetEntry("side_effects").Answer, replies[0].Text);
        Assert.Equal(fixture.Content.Walkthrough.Resume, replies[1].Text);
        Assert.Equal(Prompt(2), replies[2].Text);
        Assert.Equal(Prompt(3), next.Text);
    }

    [Fact]
    public async Task Back_returns_to_the_previous_question_and_forgets_its_answer()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("yes");
        await chat.SayAsync("no");

        var back = Assert.Single(await chat.SayAsync("back"));
        await chat.SayAsync("no"); // pregnancy again
        var final = await AnswerAllAsync(chat, ["No", "No", Meat, Confirmed, "No"]);

        Assert.Equal(Prompt(1), back.Text);
        Assert.StartsWith(OutcomeTitle("clinician_first"), Assert.Single(final).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_at_the_first_question_says_so_and_asks_it_again()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");

        var replies = await chat.SayAsync("go back");

        Assert.Equal([fixture.Content.Walkthrough.AtFirstQuestion, Prompt(0)], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task Restart_begins_again_from_the_first_question_with_no_answers()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("yes");
        await chat.SayAsync("yes");
        await chat.SayAsync("no");

        var replies = await chat.SayAsync("start over");
        var final = await AnswerAllAsync(chat, ["No", "No", "No", "No", Meat, Confirmed, "No"]);

        Assert.Equal([fixture.Content.Walkthrough.Restarted, Prompt(0)], replies.Select(r => r.Text));
        Assert.StartsWith(OutcomeTitle("oral_may_be_sufficient"), Assert.Single(final).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_stops_the_walkthrough()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("no");

        var cancelled = Assert.Single(await chat.SayAsync("cancel"));
        var after = Assert.Single(await chat.SayAsync("are b12 shots safe"));

        Assert.Equal(fixture.Content.Walkthrough.Cancelled, cancelled.Text);
        Assert.Equal(fixture.Content.GetEntry("safety").Answer, after.Text);
    }

    [Fact]
    public async Task Help_explains_the_walkthrough_and_asks_the_current_question_again()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("no");

        var replies = await chat.SayAsync("help");

        Assert.Equal([fixture.Content.Walkthrough.Help, Prompt(1)], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task Walkthrough_state_survives_between_turns_as_stored_json()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("check my symptoms");
        await chat.SayAsync("no");
        await chat.SayAsync("not sure");

        // Every turn reloads the stack and the progress from storage (MemoryStorage keeps JSON), so this also checks
        // that the saved answers come back.
        var final = await AnswerAllAsync(chat, ["No", "No", Meat, Confirmed, "No"]);

        var outcome = Assert.Single(final).Text!;
        Assert.Contains("- Pregnant or breastfeeding: Not sure", outcome, StringComparison.Ordinal);
        Assert.StartsWith(OutcomeTitle("clinician_first"), outcome, StringComparison.Ordinal);
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
