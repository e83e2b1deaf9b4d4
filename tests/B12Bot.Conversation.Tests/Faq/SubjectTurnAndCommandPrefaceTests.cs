using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 26: a question after a subject turn ("unrelated but ..."), medicines named by their ending alone, a command
/// after a sentence that tells why, and the words added after the twenty-sixth round's first look.
/// </summary>
public sealed class SubjectTurnAndCommandPrefaceTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("my dad takes bisoprolol, is dizziness a side effect?")]
    [InlineData("can empagliflozin make you tired all the time")]
    [InlineData("what are the common side effects of mirtazapine")]
    [InlineData("common side effects of venlafaxine?")]
    [InlineData("my mum was put on candesartan, what side effects does it have?")]
    public void A_medicine_no_list_names_is_still_another_subject_by_its_ending(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("does metformin lower b12 levels", "medications")]
    [InlineData("can omeprazole cause low b12", "medications")]
    public void Medicines_the_content_speaks_of_are_read_as_before(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("had my b12 shot monday. random q but best cure for a hangover")]
    [InlineData("b12 jab all done, off topic but melatonin dose for jet lag")]
    [InlineData("I come here for my B12 injections. Unrelated question - how much ibuprofen can a ten year old have")]
    public void A_question_after_a_subject_turn_is_read_without_the_b12_story_before_it(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("unrelated but how often should b12 injections be given", "schedule_monitoring")]
    [InlineData("by the way, do b12 shots have side effects?", "side_effects")]
    [InlineData("Is a shot better than a tablet for low b12? By the way this chat is really easy to use.", "oral_vs_injection")]
    [InlineData("a friend says b12 jabs give her loads of energy. would having them anyway help me run faster?", "energy_weight_loss")]
    public void A_b12_question_after_a_subject_turn_is_still_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("I'm a bit confused. What can I ask you?", BotCommand.Help)]
    [InlineData("I have mixed everything up. Can we start again?", BotCommand.Restart)]
    [InlineData("we have had enough for today. stop the questions", BotCommand.Cancel)]
    [InlineData("I do not wish to carry on with this, thank you", BotCommand.Cancel)]
    [InlineData("ayuda", BotCommand.Help)]
    [InlineData("cancelar", BotCommand.Cancel)]
    [InlineData("od nowa", BotCommand.Restart)]
    public void A_command_after_a_sentence_telling_why_or_in_a_word_of_another_language_is_recognised(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("my feet have been tingling for weeks. help")]
    [InlineData("i get bad headaches every week. what can i take to stop them?")]
    public void A_story_before_help_or_a_question_about_stopping_something_is_no_command(string text)
    {
        var match = fixture.Match(text);

        Assert.NotEqual(FaqMatchKind.Command, match.Kind);
    }

    [Theory]
    [InlineData("what happens at a first memory clinic appointment")]
    [InlineData("is a prostate check worth having at 65")]
    [InlineData("how would you know if you were anaemic from low iron")]
    public void Other_services_and_conditions_named_after_the_first_look_get_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("found some silver canisters in my sons room. can that gas really lower b12?", "nitrous_oxide")]
    [InlineData("are the gas canisters people use at parties bad for your b12", "nitrous_oxide")]
    public void Cream_canisters_are_nitrous_oxide(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("I've had b12 jabs for two years. Can I stop?", "stopping_treatment")]
    [InlineData("my levels came back normal last month. can i stop now?", "stopping_treatment")]
    public void A_bare_command_after_a_b12_story_is_a_question_about_the_treatment(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("I feel so tired today. Stop the questions.", BotCommand.Cancel)]
    [InlineData("can we leave the checklist, ill come back to it later", BotCommand.Cancel)]
    [InlineData("aiuto", BotCommand.Help)]
    [InlineData("arrete", BotCommand.Cancel)]
    [InlineData("von vorne", BotCommand.Restart)]
    public void A_command_naming_the_check_after_a_symptom_and_more_languages_are_recognised(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("is it ok for an expectant mum to keep having b12 jabs?", "pregnancy")]
    [InlineData("how long do the unwanted effects of the jab usually last", "side_effects_duration")]
    [InlineData("what are the signs of low b12 question mark", "deficiency_symptoms")]
    public void Formal_words_and_dictated_marks_are_read_as_the_content_words(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }
}
