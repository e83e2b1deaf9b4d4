using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 30's second look (fresh-understanding-130, English as a second language): help asked without "do" ("what kind
/// of questions you answer?") and a new conversation asked to be made; a question about appointments or side effects
/// stays a question.
/// </summary>
public sealed class CommandsInPlainerWordsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the walkthrough on 4f052aa
    [InlineData("what kind of questions you answer?", BotCommand.Help)]
    // out of scope on 4f052aa
    [InlineData("can we make a new conversation please", BotCommand.Restart)]
    // already commands
    [InlineData("what sort of questions do u answer", BotCommand.Help)]
    [InlineData("new conversation from zero please", BotCommand.Restart)]
    public void Help_and_a_new_conversation_asked_plainly_are_commands(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("how do i make a new appointment")]
    [InlineData("what kind of questions do people ask about b12 side effects")]
    public void A_question_with_the_same_words_gets_an_answer_not_a_command(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Null(match.Command);
    }
}
