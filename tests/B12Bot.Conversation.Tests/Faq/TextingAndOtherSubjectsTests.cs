using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Texting shorthand read as the words it stands for (language.yaml <c>texting</c>), short synonyms matched only as
/// written ("nose" is not "nos"), a figure that belongs to the medicine beside it, other treatments and other shots
/// as subjects of their own, and commands with a slip of the keyboard inside a sentence.
/// </summary>
public sealed class TextingAndOtherSubjectsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("hw long til the b12 jabs start working", "how_quickly")]
    [InlineData("how much r b12 injections at ur clinic", "cost")]
    public void Texting_shorthand_gets_the_answer_the_spelled_out_question_gets(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public void A_runny_nose_is_not_nitrous_oxide_slang()
    {
        var match = fixture.Match("my toddler has a runny nose and a cough, should i take him to the doctor?");

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Fact]
    public void Nos_itself_is_still_nitrous_oxide()
    {
        var match = fixture.Match("does doing nos at parties lower b12");

        Assert.Equal("nitrous_oxide", match.Entry?.Id);
    }

    [Theory]
    // The dose written after a medicine is that medicine's, so the sentence is not about B12.
    [InlineData("i've had b12 jabs for years for pernicious anaemia. last month i started sertraline 50mg and i've felt shaky since. is that normal?")]
    // Other treatments and other shots are subjects of their own.
    [InlineData("my son has b12 injections and allergy shots for his hay fever. how long do allergy shots take to work?")]
    [InlineData("i'm on b12 jabs and my gp also suggested vitamin d shots. what's the normal dose for vitamin d shots?")]
    [InlineData("b12 shots sorted my energy but i still have panic attacks. does cbt actually work?")]
    [InlineData("i have b12 shots and i am lactose intolerant. do lactase tablets work?")]
    public void A_question_about_another_medicine_treatment_or_shot_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("strat again", BotCommand.Restart)]
    [InlineData("can we start from the begining", BotCommand.Restart)]
    [InlineData("hlep, what are my options", BotCommand.Help)]
    [InlineData("i dont want to do the questions any more, stop", BotCommand.Cancel)]
    [InlineData("lets go back to the start and redo the whole thing", BotCommand.Restart)]
    public void A_command_with_a_slip_of_the_keyboard_inside_a_sentence_is_recognised(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    // What the visitor calls the walkthrough ("check", "assessment") may stand in a command (fresh-understanding-30).
    [InlineData("nah, exit this assessment", BotCommand.Cancel)]
    [InlineData("forget it, end the check", BotCommand.Cancel)]
    [InlineData("restart the assessment", BotCommand.Restart)]
    public void A_command_naming_the_check_is_recognised(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Fact]
    public void Nurses_are_clinicians_not_nursing_a_baby()
    {
        // "nurses" shares its stem with "nursing": it read as breastfeeding and got the pregnancy entry.
        var match = fixture.Match("are b12 injections given by nurses or doctors");

        Assert.Equal("administration", match.Entry?.Id);
        Assert.DoesNotContain(match.Alternatives, entry => entry.Id == "pregnancy");
    }

    [Fact]
    public void A_b12_question_with_the_same_slip_is_not_a_command()
    {
        var match = fixture.Match("can i strat my b12 shots again after a break");

        Assert.NotEqual(FaqMatchKind.Command, match.Kind);
    }
}
