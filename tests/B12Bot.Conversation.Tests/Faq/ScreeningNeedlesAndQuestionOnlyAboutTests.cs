using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 33's first look: "i want out of this questionnaire" started the check it asked to leave; "what do I do with the
/// needles after" read as asking for the next steps (a story about learning to self-inject had the next-steps answer);
/// "..., but my question is only about food: how much green veg can he eat with warfarin?" had the blood-thinner answer.
/// Also "begin the screening"; "the very beginning" (a restart before this change too) stays one. What to do next, asked
/// plainly, keeps its answer.
/// </summary>
public sealed class ScreeningNeedlesAndQuestionOnlyAboutTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the scope statement on 5e1cf95
    [InlineData("i want out")]
    // started the check on 5e1cf95
    [InlineData("let me out of this quiz")]
    public void Wanting_out_cancels_the_check(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }

    [Fact]
    public void Going_back_to_the_very_beginning_starts_over()
    {
        var match = fixture.Match("can we go back to the very beginning");

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Restart, match.Command);
    }

    [Fact]
    public void Beginning_the_screening_starts_the_check()
    {
        // the scope statement on 5e1cf95
        var match = fixture.Match("could you begin the screening for me");

        Assert.Equal(FaqMatchKind.StartWalkthrough, match.Kind);
    }

    [Fact]
    public void A_blood_test_asked_about_is_no_request_for_the_check()
    {
        Assert.NotEqual(FaqMatchKind.StartWalkthrough, fixture.Match("where do i go to do the b12 blood test").Kind);
    }

    [Fact]
    public void What_to_do_with_used_needles_after_self_injecting_gets_the_answer_about_giving_injections()
    {
        // the next-steps answer on 5e1cf95
        var match = fixture.Match("my gp says i can do my own b12 injections now. never done one. what do i need to know to do it right and what do i do with the old needles");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("administration", match.Entry?.Id);
    }

    [Fact]
    public void What_to_do_next_asked_plainly_keeps_the_next_steps_answer()
    {
        var match = fixture.Match("I've started my B12 shots. What do I do next?");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("next_steps", match.Entry?.Id);
    }

    [Theory]
    // a B12 answer on 5e1cf95 (monitoring; blood thinners)
    [InlineData("I'm on B12 injections, but my question is only about my blood pressure: how often should it be checked?")]
    [InlineData("Mum has her B12 shots and takes apixaban, but my question is only about her diet: which fruit juices should she avoid on apixaban?")]
    public void A_question_said_to_be_only_about_something_else_gets_the_scope_statement(string text)
    {
        Assert.Equal(FaqMatchKind.OutOfScope, fixture.Match(text).Kind);
    }

    [Fact]
    public void A_question_said_to_be_only_about_the_shots_keeps_its_answer()
    {
        var match = fixture.Match("I'm on B12 injections and my question is only about them: how long does each one last?");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
    }
}
