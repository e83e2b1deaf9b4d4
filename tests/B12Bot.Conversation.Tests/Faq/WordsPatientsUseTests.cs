using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Ways patients word a question that the content's own phrasings do not: a short name for a form of B12, B12 set aside
/// before another question, "given by injection", a command said around "this". Cases in other words than the
/// fresh-understanding-45..48 messages they come from.
/// </summary>
public sealed class WordsPatientsUseTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("are there any dangers to having b12 given by injection")]
    [InlineData("is b12 given as a shot harmful in any way?")]
    public void Asking_whether_b12_given_by_injection_is_safe_gets_the_safety_answer(string text)
    {
        Assert.Equal("safety", fixture.Match(text).Entry?.Id);
    }

    [Theory]
    [InlineData("methyl b12 or cyano, which is better for me")]
    [InlineData("hydroxo or cyano b12 whats the diff")]
    public void A_form_of_b12_by_its_short_name_gets_the_forms_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("forms", match.Entry?.Id);
    }

    [Theory]
    [InlineData("besides b12, what other vitamins do vegans need?")]
    [InlineData("what vitamins help with thinning hair, not b12 though")]
    public void Vitamins_asked_about_in_general_or_with_b12_set_aside_get_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("who built you")]
    [InlineData("who made this chat thing")]
    public void Asking_who_made_the_bot_gets_the_answer_about_the_assistant(string text)
    {
        Assert.Equal("about_bot", fixture.Match(text).Entry?.Id);
    }

    [Theory]
    [InlineData("could we end this symptom check please")]
    [InlineData("can we end the questions now")]
    public void Ending_this_check_in_other_words_cancels(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }
}
