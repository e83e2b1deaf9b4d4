using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 39, in other words than eval/fresh-understanding-168/-169.json: a texted "or nah" asks nothing of its own (it
/// had pulled a tablets-or-shots question to the safety answer, whose phrasings say "dangerous or nah"), and a clinic
/// colleague's "pt asks"/"query from pt" and "inj" carry no topic of their own; "start new" is a fresh start
/// (fresh-understanding-170: the scope statement), and a formal letter's "Dear Sir or Madam" and "Yours faithfully"
/// are no clauses of their own; going "weak at the knees" at needles is nerves, not a knee problem. The batch's "or nah" message sat on the
/// edge of two answers; these in other words were answered right before too and guard the reading.
/// </summary>
public sealed class TextedTagsAndStaffPreamblesTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("are b12 pills as good as the jab or nah")]
    [InlineData("r the tablets as good as shots or nah")]
    public void Or_nah_leaves_the_question_as_asked(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("oral_vs_injection", match.Entry?.Id);
    }

    [Theory]
    [InlineData("patient asks if he can do his own b12 injections", "administration")] // the extra-caution answer before
    [InlineData("patient asks whether she can give her own b12 jabs at home", "administration")]
    [InlineData("query from pt: can he have his b12 inj on the same day as his flu jab", "cold_or_vaccine")]
    public void A_colleagues_preamble_leaves_the_patients_question(string text, string topic)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(topic, match.Entry?.Id);
    }

    [Theory]
    [InlineData("wipe it all and begin new")]
    [InlineData("reset and start new please")]
    public void Starting_new_is_a_fresh_start(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(BotCommand.Restart, match.Command);
    }

    [Theory]
    [InlineData("can i start new injections next month")]
    [InlineData("should my mum begin new b12 tablets")]
    public void Starting_new_treatment_is_no_command(string text)
    {
        Assert.NotEqual(FaqMatchKind.Command, fixture.Match(text).Kind);
    }

    [Theory]
    [InlineData("Dear Sir or Madam, I would be grateful if you could explain what vitamin B12 does in the body. Yours sincerely, Alan Price", "what_b12_does")]
    [InlineData("To whom it may concern, I would be grateful to know how often the injections are given. Yours faithfully, J. Okafor", "schedule_monitoring")]
    public void A_formal_letters_greeting_and_closing_leave_its_question(string text, string topic)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(topic, match.Entry?.Id);
    }

    [Fact]
    public void Weak_at_the_knees_at_needles_is_nerves_not_another_condition()
    {
        // The scope statement before: "knee" is another condition's word.
        var match = fixture.Match("im 50 and go weak at the knees around needles lol. is the jab going to hurt");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("does_it_hurt", match.Entry?.Id);
    }
}
