using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>Questions about something other than B12, and the whole-message intents: commands, small talk, the walkthrough.</summary>
public sealed class ScopeAndWholeMessageTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("should i take iron tablets for anaemia")]
    [InlineData("how do i get rid of a migraine fast")]
    [InlineData("what are the side effects of the flu vaccine")]
    [InlineData("what vitamins help hair growth")]
    [InlineData("can i take ibuprofen with my blood pressure pills")]
    [InlineData("is paracetamol safe when pregnant")]
    [InlineData("can my thyroid tablets make me tired")]
    [InlineData("my white cell count came back a little high, should i worry")]
    [InlineData("is an hba1c of 46 bad")]
    [InlineData("what counts as low hemoglobin for a woman")]
    [InlineData("what are the first signs of alzheimers")]
    public void A_question_about_another_medicine_vitamin_or_condition_gets_the_scope_statement_not_a_b12_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    [InlineData("can low b12 cause a sore tongue and mouth ulcers", "deficiency_symptoms")]
    [InlineData("can i have my flu jab and b12 shot on the same day", "cold_or_vaccine")]
    [InlineData("i'm on warfarin, can i still have b12 jabs", "blood_thinners")]
    [InlineData("do b12 injections lower your potassium", "heart_symptoms_early")]
    public void A_b12_question_that_also_names_another_subject_is_still_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("what can u do", BotCommand.Help)]
    [InlineData("hey, can you help me", BotCommand.Help)]
    [InlineData("ok cancel that please", BotCommand.Cancel)]
    [InlineData("lets start over", BotCommand.Restart)]
    [InlineData("restart now", BotCommand.Restart)]
    public void Commands_are_recognised_with_fillers_and_shorthand_from_the_language_file(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("can u cancel this pls", BotCommand.Cancel)]
    [InlineData("no stop, cancel that", BotCommand.Cancel)]
    [InlineData("i want to start again from the beginning", BotCommand.Restart)]
    [InlineData("can we start all over again", BotCommand.Restart)]
    [InlineData("can i go back", BotCommand.Back)]
    [InlineData("i dont want to do this anymore", BotCommand.Cancel)]
    [InlineData("could you please delete all my data", BotCommand.ForgetMe)]
    public void A_command_said_in_a_short_sentence_is_still_the_command(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("show me all the options", BotCommand.Help)]
    [InlineData("how does this bot work", BotCommand.Help)]
    [InlineData("nope, forget it", BotCommand.Cancel)]
    [InlineData("stop all these questions", BotCommand.Cancel)]
    [InlineData("restart the whole conversation", BotCommand.Restart)]
    [InlineData("go back a question", BotCommand.Back)]
    [InlineData("can i view the options please", BotCommand.Help)]
    [InlineData("let me see the menu", BotCommand.Help)]
    [InlineData("stop the quiz, i dont want to finish it", BotCommand.Cancel)]
    [InlineData("cancel this questionnaire", BotCommand.Cancel)]
    [InlineData("nah please stop the symptom checker", BotCommand.Cancel)]
    [InlineData("ok clear it all and start again", BotCommand.Restart)]
    [InlineData("ok thats enough questions thanks", BotCommand.Cancel)]
    [InlineData("please quit the checker", BotCommand.Cancel)]
    [InlineData("can i redo it please", BotCommand.Restart)]
    [InlineData("what questions do you answer then", BotCommand.Help)]
    [InlineData("can you exit this symptom checker now", BotCommand.Cancel)]
    [InlineData("leave the risk check please", BotCommand.Cancel)]
    [InlineData("can i get out of this checklist", BotCommand.Cancel)]
    [InlineData("please exit the checklist, maybe later", BotCommand.Cancel)]
    [InlineData("i dont wanna carry on with the quiz", BotCommand.Cancel)]
    [InlineData("i do not wish to continue with this", BotCommand.Cancel)]
    [InlineData("leave this quiz now", BotCommand.Cancel)]
    [InlineData("what am i allowed to ask about here?", BotCommand.Help)]
    [InlineData("sorry, im new to this. how do i use it?", BotCommand.Help)]
    public void Command_words_from_the_language_file_may_stand_around_and_inside_a_command(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("does the whole injection hurt")]
    [InlineData("can i ask my doctor for b12 shots")]
    [InlineData("stop asking and tell me the b12 dose")]
    [InlineData("when will i see results from the shots")]
    [InlineData("can i stop the shots when i finish the course")]
    public void A_question_with_command_words_is_still_a_question(string text)
    {
        Assert.NotEqual(FaqMatchKind.Command, fixture.Match(text).Kind);
    }

    [Theory]
    [InlineData("how do i stop my b12 injections")]
    [InlineData("can i restart b12 shots after a break")]
    [InlineData("help, my arm is sore after the jab")]
    [InlineData("stop the injections or start the tablets")]
    [InlineData("can i leave the plaster on after my jab")]
    [InlineData("im new to b12 jabs, do they hurt")]
    [InlineData("can i reschedule my b12 shot to another time")]
    public void A_question_that_uses_a_command_word_is_not_taken_for_the_command(string text)
    {
        Assert.NotEqual(FaqMatchKind.Command, fixture.Match(text).Kind);
    }

    [Theory]
    [InlineData("my testosterone injection site is sore, is that normal")]
    [InlineData("does a cortisone shot hurt")]
    [InlineData("i get b12 jabs every 3 months but how often can i use my asthma inhaler?")]
    [InlineData("i have b12 shots monthly, my question is about my inhaler: how often can i use ventolin?")]
    [InlineData("what needle size for testosterone shots")]
    [InlineData("how long does a tetanus jab last")]
    [InlineData("is the depo jab bad for your bones")]
    [InlineData("my b12 shots are all fine, different thing: how many minutes of walking a day keeps you healthy?")]
    [InlineData("does the pneumonia vaccine hurt more than a flu jab? i have b12 jabs too")]
    [InlineData("had my b12 shot last week, now the nurse wants to give me the shingles vaccine, will it be more painful?")]
    public void A_question_about_another_shot_or_asked_beside_b12_is_out_of_scope(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    /// <summary>The story names B12 or its shot; the question asked is about something else (issue 14).</summary>
    [Theory]
    [InlineData("i have my b12 jab monthly. at the surgery they also measured my cholesterol and it was 7.1. is that too high?")]
    [InlineData("my b12 injections are going fine, but my crp came back at 20. what could push crp up?")]
    [InlineData("i'm on b12 shots, can i take magnesium for cramps")]
    [InlineData("i get b12 jabs for pernicious anaemia and take sertraline when i feel low. can sertraline make you sweat at night?")]
    // After a comma, "is" or "does" with the other subject opens the question (fresh-understanding-27 got the safety answer).
    [InlineData("i get b12 jabs, is melatonin safe long term?")]
    [InlineData("i have b12 jabs, is ashwagandha safe long term?")]
    // Another of the clinic's services: its price is not the B12 shot's (fresh-understanding-24, -28 got the prices entry).
    [InlineData("I have my B12 jab with you next week, do you also offer microsuction for ear wax and how much is it?")]
    // A sexual health check, a chiropractor: other services too (fresh-understanding-30 got the prices entry).
    [InlineData("i come to you for my b12 injections, what do you charge for an sti test?")]
    [InlineData("my b12 jabs are with the nurse here, is there a chiropractor at the practice and what's the fee?")]
    // Periods are another subject (fresh-understanding-31 got the other-causes entry).
    [InlineData("my b12 jabs are going fine, but my period pains are awful this month, what helps with cramps?")]
    [InlineData("my b12 shots are fine but why is my period late this month?")]
    [InlineData("had b12 jab last week. bad pms this month, any tips?")]
    // "how much do I need" asks an amount, not a price: the question is still about protein (fresh-understanding-25).
    [InlineData("I'm vegetarian and on b12 shots. Do I get enough protein from beans? how much do i need each day?")]
    public void A_question_about_another_subject_after_a_b12_story_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    [Theory]
    // A story that ends by asking for the questions reads off-topic as a whole (fresh-understanding-27).
    [InlineData("My partner says I should get my B12 looked at as I'm vegetarian and tired all the time. Can we do your questionnaire to see if it's worth booking?")]
    // A last clause that asks for the questions wins over an answer about the symptoms told before it (fresh-understanding-17,
    // -20, -29 answered the symptoms or read it out of scope).
    [InlineData("My tongue's been sore and I'm exhausted all the time. Could you ask me a few questions and tell me if it's B12?")]
    [InlineData("I'm always cold and foggy lately. can you ask me the questions to see if my b12 is low")]
    [InlineData("i want to do the self assessment please")]
    [InlineData("My gran is 79 and always muddled lately. We want to go through your checklist together to see if she might be low in B12. Could we do that now?")]
    [InlineData("Ive had tingling hands and bad memory for months. could u ask me some questions and work out if its my b12?")]
    [InlineData("I've been knackered and short of breath on stairs since the baby. Can you ask me the questions and tell me whether it's worth getting my B12 checked?")]
    [InlineData("on omeprazole for years and my feet feel numb sometimes, wanna see if its b12 so can u ask me some questions")]
    public void A_story_ending_with_a_request_for_the_questionnaire_starts_the_walkthrough(string text)
    {
        Assert.Equal(FaqMatchKind.StartWalkthrough, fixture.Match(text).Kind);
    }

    [Theory]
    // A question about the check before treatment asks about it, not for it.
    [InlineData("What sort of assessment happens before the first B12 shot?")]
    [InlineData("Is there an assessment before I start the injections?")]
    [InlineData("Before I begin the jabs, what sort of assessment do I need?")]
    public void A_question_about_the_assessment_before_treatment_is_answered(string text)
    {
        Assert.Equal("before_starting", fixture.Match(text).Entry?.Id);
    }

    [Theory]
    // "... and do it myself" goes on with what one would do; it is no second question about injecting oneself (the
    // sterile-technique entry answered in fresh-understanding-26, -28 and -29).
    [InlineData("My doctor refuses to prescribe B12 jabs as my level is 'normal', yet I feel much better on them. I found a site selling vials and needles without a prescription. Is it okay to just buy them online and do it myself?")]
    [InlineData("My GP says my B12 is fine so she won't give me the injections, but they really helped me before. There's a website selling hydroxocobalamin ampoules and needles with no prescription. Can I order them and do it myself?")]
    public void Buying_vials_online_to_inject_oneself_gets_the_buying_online_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal("buying_online", match.Entry?.Id);
    }

    [Theory]
    // "question" is a walkthrough word, but this one is about another medicine (fresh-understanding-19 and -20).
    [InlineData("I get B12 jabs myself, but my question is about my dad's statins. Do they cause cramp in his legs at night?")]
    public void A_question_announced_as_about_another_medicine_does_not_start_the_walkthrough(string text)
    {
        Assert.Equal(FaqMatchKind.OutOfScope, fixture.Match(text).Kind);
    }

    /// <summary>Another subject told in passing ("when i need it" tells, it does not ask) leaves the B12 question asked.</summary>
    /// <summary>
    /// The story names B12, then another medicine or condition in a sentence of its own; the question points back at that
    /// one with a word standing for it, and names no B12 subject of its own.
    /// </summary>
    [Theory]
    [InlineData("dad has his b12 jabs at the practice. the hospital has put him on methotrexate once a week. how should he take it?")]
    [InlineData("i'm on monthly b12 shots. the gp says i have tinnitus now. will that settle down by itself?")]
    [InlineData("my wife gets b12 injections. she was told she has sleep apnoea. what can they do about it?")]
    public void A_question_pointing_back_at_another_subject_told_after_a_b12_story_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Null(match.Entry);
    }

    /// <summary>
    /// Another medicine or a vaccine is told in passing; the question points back at the B12 shot ("these aches", "the
    /// arm") or at a vaccine an answer covers, and is answered.
    /// </summary>
    [Theory]
    [InlineData("had my b12 jab on tuesday and my arm is still sore and a bit bruised. i take atorvastatin too, if it matters. is it normal for the arm to hurt this long?", "sore_arm_days_later")]
    [InlineData("my b12 injection is on thursday. i've also got my covid booster next week. is it ok to have them close together?", "cold_or_vaccine")]
    public void A_b12_question_after_a_medicine_or_vaccine_told_in_passing_is_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Theory]
    [InlineData("my first b12 jab is next week. i use an inhaler when i need it for asthma. what side effects do b12 injections have?", "side_effects")]
    [InlineData("can low b12 give you mouth ulcers and a sore tongue", "deficiency_symptoms")]
    public void A_b12_question_after_a_story_that_tells_of_another_subject_is_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public void Dev_set_v4_stays_a_regression_set_for_out_of_scope_questions()
    {
        var set = EvaluationSet.Load(Path.Combine(RepositoryPaths.Root, "eval", "dev-set-v4.json"));

        var outOfScope = set.OutOfScope.Count(text => fixture.Match(text).Kind == FaqMatchKind.OutOfScope);

        Assert.True(outOfScope >= 0.95 * set.OutOfScope.Count, $"{outOfScope}/{set.OutOfScope.Count} got the scope statement");
    }

    [Theory]
    [InlineData("how r u", "how_are_you")]
    [InlineData("cheers mate", "thanks")]
    [InlineData("thx!!", "thanks")]
    [InlineData("goodnight", "goodbye")]
    [InlineData("hiya", "greeting")]
    public void Small_talk_in_shorthand_gets_its_reply(string text, string intent)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.SmallTalk, match.Kind);
        Assert.Equal(intent, match.SmallTalk?.Id);
    }

    [Theory]
    [InlineData("do i need b12 shots or not")]
    [InlineData("hi, can you check my symptoms for me")]
    [InlineData("am i a good candidate for b12 jabs")]
    [InlineData("could we do the b12 questionnaire")]
    [InlineData("i want the self check")]
    [InlineData("can we do the screening questions for low b12")]
    [InlineData("could you do a quick check to see if i'm short of b12")]
    public void Asking_whether_b12_shots_are_needed_starts_the_walkthrough(string text)
    {
        Assert.Equal(FaqMatchKind.StartWalkthrough, fixture.Match(text).Kind);
    }

    /// <summary>Symptoms told first, then the walkthrough asked for: the visitor gets the walkthrough, not a symptom answer.</summary>
    [Theory]
    [InlineData("tired all the time, numb toes and a sore tongue. walk me through it please")]
    [InlineData("my hands keep tingling and im exhausted, do i need b12? walk me through it")]
    [InlineData("vegetarian for years and always worn out. can you check my symptoms")]
    [InlineData("i get pins and needles and feel shattered, run me through the questions")]
    [InlineData("been on metformin for years and im always tired. please check if i should get tested")]
    public void Symptoms_followed_by_a_request_for_the_walkthrough_start_it(string text)
    {
        Assert.Equal(FaqMatchKind.StartWalkthrough, fixture.Match(text).Kind);
    }

    /// <summary>A story, then a request for the check in the same breath (after a comma, not a full stop).</summary>
    [Theory]
    [InlineData("been vegetarian for ages and my memory is awful, can you check me")]
    [InlineData("had half my stomach removed years back, check if i'm at risk please")]
    [InlineData("my feet burn at night and I'm shattered, could you assess me")]
    [InlineData("on omeprazole since 2019 and knackered all the time, can u go through whether i could be low in b12")]
    [InlineData("i've been tired and tingly for months. can you ask me some questions to see if i need b12?")]
    [InlineData("my mum has been forgetful lately. could you check whether she might be low on b12?")]
    public void A_story_ending_in_a_request_for_the_check_starts_the_walkthrough(string text)
    {
        Assert.Equal(FaqMatchKind.StartWalkthrough, fixture.Match(text).Kind);
    }

    /// <summary>A question about oneself ("am i low in b12?"), then a request to be tested: the check finds out just that.</summary>
    [Theory]
    [InlineData("am i low in b12? test me")]
    [InlineData("Am I deficient? Ask me whatever you need to find out.")]
    public void A_question_about_oneself_then_a_request_to_be_tested_starts_the_walkthrough(string text)
    {
        Assert.Equal(FaqMatchKind.StartWalkthrough, fixture.Match(text).Kind);
    }

    [Fact]
    public void A_question_about_oneself_with_no_request_does_not_start_it()
    {
        Assert.NotEqual(FaqMatchKind.StartWalkthrough, fixture.Match("am i getting enough b12? i eat meat every day").Kind);
    }

    [Theory]
    [InlineData("halp", BotCommand.Help)]
    [InlineData("restrat", BotCommand.Restart)]
    [InlineData("cancle", BotCommand.Cancel)]
    [InlineData("bring up the options", BotCommand.Help)]
    [InlineData("open the menu", BotCommand.Help)]
    [InlineData("list your topics", BotCommand.Help)]
    [InlineData("forget that and start again", BotCommand.Restart)]
    [InlineData("cancel this, begin again", BotCommand.Restart)]
    [InlineData("can we begin over", BotCommand.Restart)]
    public void Commands_with_a_slip_of_the_keyboard_other_verbs_or_a_cancel_before_the_restart_are_recognised(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("how often should the clinic check my levels")]
    [InlineData("my levels were checked last year, is that often enough")]
    [InlineData("how do i stop my injections")]
    [InlineData("list the side effects")]
    public void A_question_with_a_command_or_request_word_in_it_is_not_a_command_or_the_walkthrough(string text)
    {
        var match = fixture.Match(text);

        Assert.NotEqual(FaqMatchKind.Command, match.Kind);
        Assert.NotEqual(FaqMatchKind.StartWalkthrough, match.Kind);
    }

    [Theory]
    [InlineData("tingling in my feet for months, is that b12")]
    [InlineData("what are the signs of low b12? i get pins and needles")]
    public void Symptoms_asked_about_without_a_request_for_the_walkthrough_get_the_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Contains(match.Entry?.Id, (string?[])["neuro_symptoms", "deficiency_symptoms"]);
    }

    [Theory]
    [InlineData("begin over please", BotCommand.Restart)]
    [InlineData("what are my choices", BotCommand.Help)]
    [InlineData("what are you able to do", BotCommand.Help)]
    public void Everyday_ways_of_asking_for_help_or_a_restart_are_commands(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("leave the questionnaire please, my dad would rather not", BotCommand.Cancel)]
    [InlineData("please end this check i have changed my mind", BotCommand.Cancel)]
    [InlineData("start from the beginning again, i typed the wrong answers", BotCommand.Restart)]
    [InlineData("go back to the start, my wife will answer instead", BotCommand.Restart)]
    public void A_command_followed_by_the_reason_for_it_is_still_the_command(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("cancel that, my arm is still sore from the jab")]
    [InlineData("start over, my hands tingle at night")]
    [InlineData("stop that, my appointment is tomorrow")]
    public void A_command_followed_by_something_the_content_is_about_is_not_taken_as_the_command_alone(string text)
    {
        var match = fixture.Match(text);

        Assert.NotEqual(FaqMatchKind.Command, match.Kind);
    }

    [Theory]
    [InlineData("hi, front desk here, a b12 patient asks whether you do cervical smears and what the fee is")]
    [InlineData("i come in for b12 shots every month, do you also do ear wax removal and what does it cost?")]
    [InlineData("my b12 jabs are done here, how much would a smear test be at your clinic")]
    [InlineData("besides my b12 injections, could i book botox with you and what's the price")]
    public void The_price_or_booking_of_another_service_gets_the_scope_statement_not_the_b12_cost_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Theory]
    [InlineData("how much does a b12 injection cost at your clinic")]
    [InlineData("does insurance pay for the b12 jabs if i take metformin")]
    public void The_price_of_b12_shots_still_gets_the_cost_answer(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("cost", match.Entry?.Id);
    }

    [Theory]
    [InlineData("my daughter has b12 shots from you - separate question but can her contraceptive pill cause headaches?")]
    [InlineData("my wife has her b12 jabs with you - different thing but can her thyroid tablets make her hair fall out?")]
    [InlineData("dad gets b12 injections here, and should his blood pressure pills be taken at night?")]
    public void A_question_about_someone_elses_other_medicine_after_their_b12_story_gets_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Theory]
    [InlineData("basta, stop please", BotCommand.Cancel)]
    [InlineData("i dont want continue with it", BotCommand.Cancel)]
    [InlineData("please we start everything from zero", BotCommand.Restart)]
    [InlineData("how i use this chat please", BotCommand.Help)]
    public void Commands_written_in_a_second_language_are_recognised(string text, BotCommand command)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Command, match.Kind);
        Assert.Equal(command, match.Command);
    }

    [Theory]
    [InlineData("which blood test tells whether i'm low on iron")]
    [InlineData("what are the signs of being short on iron")]
    public void The_signs_or_test_of_being_low_on_iron_get_the_scope_statement(string text)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
    }

    [Theory]
    [InlineData("could being low on iron be why i'm so tired", "other_causes")]
    [InlineData("which blood test shows whether i'm low on b12", "labs")]
    public void Tiredness_from_low_iron_and_the_test_for_low_b12_are_still_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public void Dev_set_v5_stays_a_regression_set_for_commands_walkthrough_starts_and_scope()
    {
        var set = EvaluationSet.Load(Path.Combine(RepositoryPaths.Root, "eval", "dev-set-v5.json"));

        var missedCommands = set.Commands
            .Where(c => fixture.Match(c.Text) is var match && (match.Kind != FaqMatchKind.Command || !string.Equals(match.Command.ToString(), c.Command, StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Text).ToList();
        var startsWalkthrough = set.WalkthroughStart.Count(text => fixture.Match(text).Kind == FaqMatchKind.StartWalkthrough);
        var answeredOutOfScope = set.OutOfScope.Where(text => fixture.Match(text).Kind == FaqMatchKind.Answer).ToList();

        Assert.NotEmpty(set.Commands);
        Assert.Empty(missedCommands);
        Assert.True(startsWalkthrough >= set.WalkthroughStart.Count - 1, $"{startsWalkthrough}/{set.WalkthroughStart.Count} started the walkthrough");
        Assert.Empty(answeredOutOfScope);
    }

    [Fact]
    public void Dev_set_v3_stays_a_regression_set_for_answers_and_scope()
    {
        var set = EvaluationSet.Load(Path.Combine(RepositoryPaths.Root, "eval", "dev-set-v3.json"));

        var (passed, failures) = FaqEvaluation.Run(fixture, set.Faq);
        var answeredOutOfScope = set.OutOfScope.Where(text => fixture.Match(text).Kind == FaqMatchKind.Answer).ToList();

        Assert.True(passed >= 0.95 * set.Faq.Count, $"{passed}/{set.Faq.Count} passed; failures:\n{string.Join("\n", failures)}");
        Assert.Empty(answeredOutOfScope);
    }
}
