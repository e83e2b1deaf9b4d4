using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 32's first look: "separate from my B12 ..." before a question about another blood test's price had the labs
/// answer (B12 set aside with "my" between was still read as the subject), and a formal "I wish to discontinue the
/// questionnaire" started the check instead of leaving it. A question that still asks about B12 after "apart from my
/// b12" keeps its answer, "discontinue" said of the shots is a question about stopping them, and a wish that something
/// would stop is no request to leave the check.
/// </summary>
public sealed class B12SetAsideAndFormalCancelTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // a B12 answer on d795ef8
    [InlineData("separate from my B12, how much would a full blood count be privately?")]
    [InlineData("separate from my b12 stuff, how often should I get a full blood count?")]
    // already the scope statement
    [InlineData("b12 aside, how much does a private cholesterol test cost")]
    public void Another_test_asked_about_with_my_b12_set_aside_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Theory]
    [InlineData("apart from my b12 shots what else can help with feeling tired all the time", "other_causes")]
    [InlineData("can i discontinue my b12 shots once my levels are normal?", "stopping_treatment")]
    public void A_question_still_about_b12_keeps_its_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    // started the check on d795ef8
    [InlineData("I wish to discontinue the assessment, thank you.")]
    [InlineData("please discontinue this questionnaire")]
    [InlineData("I wish to stop the checklist now")]
    public void A_formal_request_to_leave_the_check_cancels_it(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }

    [Theory]
    [InlineData("i wish it would all stop")]
    [InlineData("i wish the tingling would stop")]
    public void A_wish_that_something_would_stop_is_no_cancel(string text)
    {
        Assert.NotEqual(FaqMatchKind.Command, fixture.Match(text).Kind);
    }
}
