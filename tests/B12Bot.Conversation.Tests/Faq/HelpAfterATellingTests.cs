using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 31's first look: asking how to use the chat after saying one is not good with computers had the scope
/// statement ("computers" is read as the bot, which counted as a B12 subject told). A telling about B12 or a symptom,
/// or one opened by its owner ("my feet are dry and cracked, any tips?"), before "help" still asks about them.
/// </summary>
public sealed class HelpAfterATellingTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the scope statement on c05db8b
    [InlineData("Apologies, I'm hopeless with computers. How do I use this?")]
    [InlineData("how does this chatbot work, what am i allowed to ask")]
    // already help
    [InlineData("I'm new to this. What can I ask?")]
    public void Asking_how_to_use_the_chat_after_a_telling_gets_help(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Help, match.Command);
    }

    [Theory]
    [InlineData("my hands and feet keep going numb. help", "neuro_symptoms")]
    [InlineData("I'm on b12 shots. Can I stop?", "stopping_treatment")]
    public void A_telling_about_b12_or_a_symptom_keeps_its_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public void A_telling_opened_by_its_owner_before_any_tips_is_no_help_request()
    {
        var match = fixture.Match("my heels are dry and cracked, any tips");

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }
}
