using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 35, in other words than eval/fresh-understanding-148..151.json: a command to leave the check after whose
/// reason it is ("my mum is tired, can we leave the checklist here" started the check it asked to leave), after
/// "actually" or a letter's "Dear Sir", with "to" left out by a second-language writer, or with "in a rush" after it;
/// "quantity" for the dose and "diff" for the difference between forms.
/// </summary>
public sealed class CommandsWithAReasonFirstAndPoliteOpeningsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("Actually, could we stop the questionnaire? I need to pick up the kids")]
    [InlineData("my wife is exhausted, can we stop the checklist for now")]
    [InlineData("my dad has had enough, can we end the check")]
    [InlineData("i want quit this quiz")]
    [InlineData("i want stop this check")]
    public void Leaving_the_check_with_a_reason_first_or_without_to_is_a_cancel(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Cancel, match.Command);
    }

    [Theory]
    [InlineData("Dear Madam, what can this service do?")]
    [InlineData("what are my choices here? in a hurry")]
    public void Asking_what_the_service_does_in_a_letter_or_in_a_hurry_is_help(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Help, match.Command);
    }

    [Theory]
    // a telling opened with whose it is, then "any tips" or "can she stop": a question about what was told
    [InlineData("my feet are dry and cracked at the heel, any tips")]
    [InlineData("my mum is on b12 shots, can she stop")]
    public void A_telling_then_a_bare_command_word_is_no_command(string text)
    {
        var match = fixture.Match(text);

        Assert.NotEqual(FaqMatchKind.Command, match.Kind);
    }

    [Theory]
    [InlineData("what quantity of b12 goes in one jab", "dose")]
    [InlineData("diff between cyano and hydroxo?", "forms")]
    [InlineData("erm how long does the b12 shot take to work", "how_quickly")]
    public void Quantity_diff_and_a_leading_erm_are_read(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public async Task Leaving_the_check_after_a_reason_ends_it_and_says_so()
    {
        var chat = new BotConversation(fixture);
        await chat.SayAsync("can you check if i might be low in b12");

        var cancelled = Assert.Single(await chat.SayAsync("my mum is getting tired, can we leave the checklist there"));
        var after = Assert.Single(await chat.SayAsync("are b12 shots safe"));

        Assert.Equal(fixture.Content.Walkthrough.Cancelled, cancelled.Text);
        Assert.Equal(fixture.Content.GetEntry("safety").Answer, after.Text);
    }
}
