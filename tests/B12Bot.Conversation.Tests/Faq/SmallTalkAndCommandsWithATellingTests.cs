using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 37, in other words than eval/fresh-understanding-156.json (older people writing letters): small talk or a
/// command with a telling beside it ("Goodbye and thank you, my granddaughter will switch the computer off now.", "How do
/// I use this, please? I am not very good with computers.", "Could we begin again ...? I have got myself in a muddle."),
/// and a letter's greeting and sign-off, all had the scope statement.
/// </summary>
public sealed class SmallTalkAndCommandsWithATellingTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // each had the scope statement on 41a3467
    [InlineData("Many thanks. I shall pass this on to my sister.", "thanks")]
    [InlineData("thanks a lot, i'll show my husband later", "thanks")]
    [InlineData("Good afternoon, I am new to all this.", "greeting")]
    [InlineData("got any jokes my nephew reckons you do", "joke")]
    public void Small_talk_with_a_telling_beside_it_is_that_small_talk(string text, string smallTalk)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.SmallTalk, match.Kind);
        Assert.Equal(smallTalk, match.SmallTalk?.Id);
        // what is told beside it is screened by the safety backstop, as a question's words are
        Assert.True(fixture.Backstop.NeedsScreening(match));
    }

    [Theory]
    // each had the scope statement on 41a3467
    [InlineData("Good evening. I trust this finds you well.", "greeting")]
    [InlineData("To whom it may concern, I hope you are keeping well", "greeting")]
    [InlineData("That was most helpful, thank you. Best wishes", "thanks")]
    [InlineData("Yours sincerely", "goodbye")]
    public void A_letters_greeting_and_sign_off_are_small_talk(string text, string smallTalk)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.SmallTalk, match.Kind);
        Assert.Equal(smallTalk, match.SmallTalk?.Id);
    }

    [Theory]
    // each had the scope statement on 41a3467: "computers" read as the bot, "myself" as injecting oneself
    [InlineData("What can I ask you? I am hopeless with these gadgets and computers.", BotCommand.Help)]
    [InlineData("help me understand how this bot works", BotCommand.Help)]
    [InlineData("Can we start from the beginning again? I have confused myself.", BotCommand.Restart)]
    public void A_command_with_a_reason_about_the_chat_or_the_teller_is_the_command(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    // a telling that names what the content is about is a question or a story, not small talk
    [InlineData("hi, my arm is sore after the jab", "side_effects")]
    [InlineData("thanks, my feet still tingle though", "neuro_symptoms")]
    [InlineData("hi, i think im going to stop my injections", "stopping_treatment")]
    public void Small_talk_beside_a_b12_telling_gets_the_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    // another medicine or condition told beside a greeting is not small talk
    [InlineData("hello, i take ibuprofen for my back")]
    [InlineData("thanks, i have a migraine")]
    [InlineData("hi, can I inject myself?")]
    public void Small_talk_beside_another_subject_or_a_question_is_not_small_talk(string text)
    {
        var match = fixture.Match(text);

        Assert.NotEqual(FaqMatchKind.SmallTalk, match.Kind);
    }

    [Theory]
    // a goodbye or an "ok" with a telling beside it is the shape of a farewell note: not read as small talk, so it keeps
    // the reading (and the screening) of a message the bot does not understand
    [InlineData("bye for now, my tea is ready")]
    [InlineData("ok, i have sorted everything out for my kids")]
    public void A_goodbye_or_an_ok_with_a_telling_is_not_small_talk(string text)
    {
        var match = fixture.Match(text);

        Assert.NotEqual(FaqMatchKind.SmallTalk, match.Kind);
    }
}
