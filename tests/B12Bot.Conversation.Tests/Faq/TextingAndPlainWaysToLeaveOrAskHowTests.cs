using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 38, in other words than eval/fresh-understanding-164/-165.json: "wud" and "kno" spelled out (an unknown
/// "wud" let the allergy answer's words win "how wud i know if im low"), leaving the questions with "can we not" and
/// "anymore" (the scope statement, or the walkthrough started), and asking how one is "meant to" use the chat (the
/// about-the-bot answer or the scope statement); "is there a catch" asks whether it is safe (fresh-understanding-166:
/// read as the catch-up of a missed dose).
/// </summary>
public sealed class TextingAndPlainWaysToLeaveOrAskHowTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("how wud i tell if im short of b12")]
    [InlineData("how wud you know if your b12 is low")]
    public void Texted_would_and_know_read_as_spelled_out(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("deficiency_symptoms", match.Entry?.Id);
    }

    [Theory]
    [InlineData("lets not do the questions any more")]
    [InlineData("can we not do the questions")]
    [InlineData("can we not do this anymore please")]
    public void Can_we_not_do_the_questions_leaves_them(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }

    [Theory]
    [InlineData("how am i supposed to use this assistant")]
    [InlineData("im hopeless with computers, how is this meant to work")]
    [InlineData("not sure how this works. where do i click")] // fresh-understanding-167: what to press
    [InlineData("which button do i press")]
    public void How_one_is_meant_to_use_the_chat_is_help(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Help, match.Command);
    }

    [Theory]
    [InlineData("can we not carry on with the injections if my levels are fine")]
    [InlineData("how is the b12 tablet meant to work if my gut cant absorb it")]
    public void The_same_words_about_the_treatment_are_no_command(string text)
    {
        var match = fixture.Match(text);

        Assert.NotEqual(FaqMatchKind.Command, match.Kind);
    }

    [Theory]
    [InlineData("are b12 injections safe or whats the catch")]
    [InlineData("are the injections ok for me or theres always a catch")]
    public void A_catch_asks_whether_it_is_safe(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("safety", match.Entry?.Id);
    }

    [Fact]
    public void Catching_up_a_missed_jab_is_still_the_missed_dose()
    {
        var match = fixture.Match("i missed my jab last month, how do i catch up");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("missed_dose", match.Entry?.Id);
    }
}
