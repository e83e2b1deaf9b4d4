using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 32's second look: "Can we stop the symptom questions? I'd rather just ask something." started the check it
/// asked to leave (the check named by its symptom questions was no command), and "let's start fresh, forget everything
/// i said before" had the scope statement. Asking about the symptoms themselves stays a question.
/// </summary>
public sealed class SymptomQuestionsAndFreshStartCommandsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // started the check on 04e9826
    [InlineData("could we end the symptom questions now")]
    [InlineData("no more symptom questions thanks")]
    public void Leaving_the_symptom_questions_cancels_the_check(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }

    [Theory]
    // the scope statement on 04e9826
    [InlineData("forget everything i said before and start again")]
    // already a restart
    [InlineData("lets start afresh")]
    public void Forgetting_everything_said_starts_over(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Restart, match.Command);
    }

    [Fact]
    public void Asking_which_symptoms_low_b12_causes_is_no_command()
    {
        var match = fixture.Match("what symptoms do you get with low b12");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("deficiency_symptoms", match.Entry?.Id);
    }
}
