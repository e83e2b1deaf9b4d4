using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 33's second look: "I take B12 and my wife is asking, is biotin good for hair growth and what dose?" had the
/// dose answer (the question about biotin, joined by "and" to a second one, was read as part of the story); "hw much is 1
/// b12 shot here" had the dose answer; "how long b4 it kicks in" had the scope statement; a command after "Sir" or
/// "abeg", and "guide me how this works", were not read as commands. Also "what vitamin b12 ..." is B12 asked about,
/// not vitamins in general, and "what B12 does" asks what it is for.
/// </summary>
public sealed class PoliteAddressPriceOfOneAndJoinedQuestionTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Fact]
    public void Another_supplement_asked_about_with_a_second_joined_question_gets_the_scope_statement()
    {
        // the dose answer on e3bc3f1
        var match = fixture.Match("I get b12 jabs here, is melatonin safe and how much should I take?");

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Fact]
    public void The_shots_asked_about_with_a_second_joined_question_keep_their_answer()
    {
        var match = fixture.Match("i get my b12 shots here, is it ok to have them with a cold and how soon after?");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("cold_or_vaccine", match.Entry?.Id);
    }

    [Theory]
    // the dose answer on e3bc3f1
    [InlineData("how much for 1 shot of b12", "cost")]
    // already right
    [InlineData("how much is one b12 jab", "cost")]
    [InlineData("how much is 1 mg of b12 in mcg", "dose")]
    // the scope statement on e3bc3f1 (the batch's own wording: "b4" is no word the content knows)
    [InlineData("how long b4 it does anything", "how_quickly")]
    // the scope statement on e3bc3f1: "what vitamin" read as vitamins asked about in general
    [InlineData("what vitamin b12 injections are safest", "safety")]
    // the risk-factors answer on e3bc3f1: what B12 does, said in that order
    [InlineData("can you tell me what b12 does for a persons health", "what_b12_does")]
    public void The_price_of_one_shot_how_long_before_it_works_and_what_vitamin_b12_get_their_answers(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    // the scope statement on e3bc3f1
    [InlineData("madam what all things can i ask you")]
    [InlineData("please guide me how it works")]
    public void Asking_what_one_can_ask_after_a_polite_address_gets_help(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Help, match.Command);
    }

    [Fact]
    public void A_command_after_abeg_cancels_the_check()
    {
        // started the check on e3bc3f1
        var match = fixture.Match("abeg stop this quiz");

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }
}
