using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 36, in other words than eval/fresh-understanding-152/-153.json: leaving the check by name with a long reason
/// or a reason that asks for nothing B12 ("cancel this check, he's gone to bed and I can't answer the rest for him" had the
/// scope statement; "Can we leave this questionnaire? I'd rather just ask a question." started the check), a result
/// "higher than normal" (the labs answer), and a message of emoji alone ("👍", "😊🙏" were not understood).
/// </summary>
public sealed class LeavingWithALongReasonHigherResultsAndEmojiTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // on 7d89c96 the first had the scope statement and the second and fourth started the check
    [InlineData("stop this questionnaire please, my wife has fallen asleep and I do not know how she would answer the rest")]
    [InlineData("quit the checklist, she has just walked out to the car and I cannot finish it without her")]
    [InlineData("Could we end the quiz? I'd prefer to just ask something.")]
    [InlineData("Can I leave the checklist? I would rather type a question.")]
    public void Leaving_the_check_by_name_with_a_long_reason_or_a_wish_to_ask_is_a_cancel(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }

    [Theory]
    // a reason that asks about B12, after leaving the check: the question is answered, not dropped
    [InlineData("can we stop the checklist? is the b12 shot safe when pregnant", "pregnancy")]
    [InlineData("stop the check i forgot whether my b12 jab is every month or every three months honestly", "missed_dose")]
    public void Leaving_the_check_then_asking_about_b12_gets_the_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    // the second had the risk-factors answer on 7d89c96
    [InlineData("my b12 came back higher than the normal range, what does that mean")]
    [InlineData("why would a b12 level be higher than normal when I take nothing")]
    public void A_b12_result_higher_than_normal_gets_the_high_result_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("high_b12_result", match.Entry?.Id);
    }

    [Theory]
    // each was not understood on 7d89c96
    [InlineData("👍🏼", "affirmation")]
    [InlineData("🙂 🙏", "thanks")]
    [InlineData("👋", "greeting")]
    [InlineData("❤️❤️", "affirmation")]
    [InlineData("👎", "frustration")]
    public void Emoji_alone_get_the_small_talk_they_say(string text, string smallTalk)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.SmallTalk, match.Kind);
        Assert.Equal(smallTalk, match.SmallTalk?.Id);
    }

    [Theory]
    // a crying face, a skull or a mix with one of them says nothing the small talk answers: still not understood
    [InlineData("😭")]
    [InlineData("💀")]
    [InlineData("👍😭")]
    public void Emoji_the_small_talk_does_not_list_stay_not_understood(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Empty, match.Kind);
    }
}
