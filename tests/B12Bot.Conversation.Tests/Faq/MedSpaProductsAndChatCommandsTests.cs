using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 29: what gyms, med spas and weight-loss clinics sell beside B12 shots (peptides, appetite pills, hCG) gets the
/// scope statement; a command that names the chat or the check stands whatever its reason names; an allergic reaction
/// told as "reacting badly"; the symptom check asked for someone else.
/// </summary>
public sealed class MedSpaProductsAndChatCommandsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("My spa does B12 and peptide shots, do the peptide ones work?")]
    [InlineData("what are the side effects of phentermine for weight loss")]
    [InlineData("my gym does hcg injections too, what dose do people use?")]
    public void Another_products_or_medicines_side_effects_get_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("is the b12 shot at my med spa safe?", "mic_shots")]
    [InlineData("are there physical symptoms of low b12", "deficiency_symptoms")]
    [InlineData("what side effects do the b12 jabs have?", "side_effects")]
    [InlineData("what dose of b12 do adults get in the injections", "dose")]
    [InlineData("how can I tell if I'm reacting badly to my b12 jab?", "allergic_reaction")]
    [InlineData("what if my body reacts allergically to the injection?", "allergic_reaction")]
    public void Questions_about_b12_shots_keep_their_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("please can we stop the questionnaire, I'm feeling too tired to carry on", BotCommand.Cancel)]
    [InlineData("end the assessment please, I'll finish it another day", BotCommand.Cancel)]
    [InlineData("take me out of this test, thanks, I'm done", BotCommand.Cancel)]
    [InlineData("Could we start the whole conversation again? I've confused myself.", BotCommand.Restart)]
    // after the second look: a reason that does not open with its teller, "not do this quiz anymore"
    [InlineData("stop the questionnaire please, the doorbell just went", BotCommand.Cancel)]
    [InlineData("could we just not do this quiz anymore", BotCommand.Cancel)]
    public void A_command_that_names_the_chat_stands_whatever_its_reason_names(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("stop it, safe to drive after?")]
    [InlineData("cancel that, my arm is still sore from the jab")]
    [InlineData("can i not do this injection myself?")]
    public void A_bare_command_word_before_a_question_or_a_symptom_is_no_command(string text)
    {
        Assert.NotEqual(FaqMatchKind.Command, fixture.Match(text).Kind);
    }

    [Theory]
    [InlineData("help me with the check, i think my b12 is low")]
    [InlineData("could you go through the symptoms with her, she's 90 and I think she's low")]
    [InlineData("let's do the checking of symptoms together")]
    public void Help_with_the_check_or_the_symptoms_gone_through_for_someone_starts_the_check(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.StartWalkthrough, match.Kind);
    }
}
