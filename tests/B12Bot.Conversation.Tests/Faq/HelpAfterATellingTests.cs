using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 31's first look: asking how to use the chat after saying one is not good with computers had the scope
/// statement ("computers" is read as the bot, which counted as a B12 subject told), and so did a telling opened by its
/// owner ("my grandson set this up for me"). A telling about B12 or a symptom before "help" still asks about them.
/// </summary>
public sealed class HelpAfterATellingTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the scope statement on c05db8b
    [InlineData("Apologies, I'm hopeless with computers. How do I use this?")]
    [InlineData("my son put this on my phone for me. how do i use it?")]
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
}
