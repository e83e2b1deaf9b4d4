using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 38, in other words than eval/fresh-understanding-162.json: a carer names who a command is for ("what sorts of
/// things can you do for my dad?" had the scope statement). Who it is for leaves the command standing; a question about
/// that person stays a question. "he's" and "she's" carry no topic, as "he is" does not ("shes" was read as "sh").
/// </summary>
public sealed class WritingForSomeoneElseTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("what sort of things can you help me with for my dad?", BotCommand.Help)]
    [InlineData("what can you do for my husband", BotCommand.Help)]
    [InlineData("start again for my daughter please", BotCommand.Restart)]
    [InlineData("stop the questions for my partner", BotCommand.Cancel)]
    public void A_command_for_someone_else_is_the_command(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("are b12 jabs safe for my nan")]
    [InlineData("how much b12 is in one injection for my son")]
    [InlineData("what can b12 do for my mum")]
    public void A_question_about_that_person_stays_a_question(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
    }

    [Fact]
    public void A_question_with_hes_reads_as_with_he_is()
    {
        var match = fixture.Match("how do i tell if my dad needs jabs or tablets, hes only a bit low");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("decision_framework", match.Entry?.Id);
    }
}
