using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 27: a command after a telling in the same sentence (after a comma or dash), the same command asked twice, the
/// clinic staff's shorthand in Teams ("pt", "sx", "qs"), and questions that turn from B12 to a vaccine, a new medicine, a
/// test's normal range or another service.
/// </summary>
public sealed class StaffShorthandAndCommandSegmentsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("oh sorry, I typed the wrong thing - can we start over?", BotCommand.Restart)]
    [InlineData("honestly I'm lost, please stop the quiz", BotCommand.Cancel)]
    [InlineData("How does this bot work? What kinds of things am I able to ask you?", BotCommand.Help)]
    [InlineData("stop the check, pt walked out", BotCommand.Cancel)]
    [InlineData("end the quiz, dont want to do it now", BotCommand.Cancel)]
    [InlineData("reset it please, next patient", BotCommand.Restart)]
    [InlineData("give me a list of what you can help with", BotCommand.Help)]
    [InlineData("what qs can i ask", BotCommand.Help)]
    [InlineData("Please clear it and begin a new conversation", BotCommand.Restart)]
    // after the second first look: a command in every segment, the assistant named, "pomocy"
    [InlineData("I don't want to do the quiz any more, get me out of here", BotCommand.Cancel)]
    [InlineData("I'm a bit confused, what are the options with this assistant?", BotCommand.Help)]
    [InlineData("I really dont understand how this works, help", BotCommand.Help)]
    [InlineData("I dont understand how this works at all", BotCommand.Help)]
    public void A_command_after_a_telling_or_said_twice_is_recognised(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("I'm on b12 shots, can I stop?")]
    [InlineData("i've had tingling feet for months, help")]
    [InlineData("I forgot my injection last week, can we start again")]
    [InlineData("my b12 jabs make my arm sore, how do I stop that")]
    [InlineData("I think my b12 could be low, can you help me check it step by step?")]
    public void A_bare_command_after_a_b12_or_symptom_telling_stays_a_question(string text)
    {
        var match = fixture.Match(text);

        Assert.NotEqual(FaqMatchKind.Command, match.Kind);
    }

    [Theory]
    [InlineData("pt asking what sx low b12 causes", "deficiency_symptoms")]
    [InlineData("which blood test do you need for b12", "labs")]
    [InlineData("what is the normal range for b12", "labs")]
    [InlineData("what's the reference range for b12 levels", "labs")]
    [InlineData("is this chatbot legit, who is behind it?", "about_bot")]
    public void Staff_shorthand_and_test_questions_get_their_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("I had my b12 checked along with my iron. what's the normal range for iron?")]
    [InlineData("My daughter gets b12 jabs here. When is the ACWY jab given to teenagers?")]
    [InlineData("b12 injections here, wondering about the shingles vaccine for my age")]
    [InlineData("i have b12 shots, also recently started ozempic, what side effects should i watch for with that")]
    [InlineData("Do you do ear piercing and what does it cost?")]
    [InlineData("my folate was checked too, what is the normal range for folate")]
    [InlineData("I have b12 jabs. Unrelated - how long should a cold last?")]
    [InlineData("is hydroxyzine ok to take at night for itching")]
    [InlineData("We come here for b12, can you do allergy blood tests and what do they cost")]
    [InlineData("I'm here for my b12 jabs, what does a private GP appointment cost?")]
    public void A_question_that_turns_from_b12_to_something_else_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("I'm on b12 jabs, also just started feeling tingly in my hands, is that normal?")]
    [InlineData("b12 shots at this clinic, wondering how often they are given")]
    [InlineData("is it ok to have my b12 jab and the ACWY jab on the same day")]
    [InlineData("unrelated question maybe, but can b12 injections help with tiredness?")]
    public void A_b12_question_told_the_same_way_is_still_answered(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
    }
}
