using System.Text.Json;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

public sealed class SafetyTriageTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Fact]
    public void Every_dev_set_emergency_is_escalated()
    {
        var missed = EvaluationSet.Load(RepositoryPaths.DevSet).Emergency.Where(t => !IsEmergency(t)).ToList();

        Assert.True(missed.Count == 0, "missed: " + string.Join(" | ", missed));
    }

    [Fact]
    public void Every_held_out_emergency_phrasing_is_escalated()
    {
        var missed = EvaluationSet.Load(RepositoryPaths.TestData("paraphrase-set.json")).Emergency.Where(t => !IsEmergency(t)).ToList();

        Assert.True(missed.Count == 0, "missed: " + string.Join(" | ", missed));
    }

    [Theory]
    [InlineData("cant breth")]
    [InlineData("i cnt brethe")]
    [InlineData("cannot breathe!!!")]
    [InlineData("CAN'T BREATHE")]
    [InlineData("my throught is closing")]
    [InlineData("troat swolen")]
    [InlineData("tounge is swollen")]
    [InlineData("lipps swelling up")]
    [InlineData("weezing after my jab")]
    [InlineData("anaphalaxis")]
    [InlineData("anafilactic shock")]
    [InlineData("hivez all over")]
    [InlineData("difficulty brething")]
    [InlineData("hard 2 breathe")]
    [InlineData("my chest is so tight")]
    [InlineData("I can barely breathe")]
    [InlineData("he isnt breathing")]
    [InlineData("face swelled up after the b12 shot")]
    [InlineData("my lips r getting bigger")]
    [InlineData("im not ok, cant breathe")]
    [InlineData("no hives and trouble breathing")]
    [InlineData("I don't know what's happening but my throat is tight")]
    [InlineData("not sure if I'm having trouble breathing")]
    [InlineData("can I get help, I can't breathe")]
    [InlineData("is it normal that my tongue is swelling?")]
    [InlineData("i no can breathe good after the injection")]
    [InlineData("my husband can't breathe after his b12 shot")]
    public void Misspelt_informal_and_mixed_descriptions_are_escalated(string text)
    {
        Assert.True(IsEmergency(text), text);
    }

    [Fact]
    public void No_dev_set_benign_or_out_of_scope_message_is_escalated()
    {
        var set = EvaluationSet.Load(RepositoryPaths.DevSet);

        var alarms = set.Benign.Concat(set.OutOfScope).Concat(set.Faq.Select(c => c.Text)).Where(t => !fixture.Triage.Screen(t).IsNone).ToList();

        Assert.True(alarms.Count == 0, "false alarms: " + string.Join(" | ", alarms));
    }

    [Fact]
    public void No_held_out_benign_message_is_escalated()
    {
        var set = EvaluationSet.Load(RepositoryPaths.TestData("paraphrase-set.json"));

        // A benign message may get the check question (a few hives at the site), as the eval's benign contract allows;
        // no benign message may be escalated, and FAQ and out-of-scope questions raise nothing.
        var alarms = set.Benign.Where(t => fixture.Triage.Screen(t).Class > TriageClass.PossibleReaction)
            .Concat(set.OutOfScope.Concat(set.Faq.Select(c => c.Text)).Where(t => !fixture.Triage.Screen(t).IsNone)).ToList();

        Assert.True(alarms.Count == 0, "false alarms: " + string.Join(" | ", alarms));
    }

    [Theory]
    [InlineData("what are signs of an allergic reaction?")]
    [InlineData("can b12 cause anaphylaxis?")]
    [InlineData("what is anaphylaxis")]
    [InlineData("is wheezing a side effect of b12 shots")]
    [InlineData("what should I do if my throat swells after a shot")]
    [InlineData("how do I know if I'm having an allergic reaction")]
    [InlineData("can b12 injections cause trouble breathing")]
    [InlineData("what happens if someone can't breathe after an injection")]
    [InlineData("signs of anaphylaxis")]
    [InlineData("how common is anaphylaxis with b12")]
    public void Questions_about_allergic_reactions_are_not_emergencies(string text)
    {
        Assert.False(IsEmergency(text), text);
    }

    [Theory]
    [InlineData("no trouble breathing, just a sore arm")]
    [InlineData("I'm not having any trouble breathing")]
    [InlineData("my throat isn't swollen")]
    [InlineData("no swelling of my face or lips")]
    [InlineData("I don't have hives or wheezing")]
    [InlineData("breathing is fine")]
    [InlineData("never had trouble breathing")]
    public void Clearly_negated_signs_are_not_emergencies(string text)
    {
        Assert.False(IsEmergency(text), text);
    }

    [Theory]
    [InlineData("my arm is sore")]
    [InlineData("I feel tired")]
    [InlineData("my arm is swollen and red where I had the shot")]
    [InlineData("I have a few hives at the injection site")]
    [InlineData("I have numbness and tingling in my feet")]
    [InlineData("my balance is off lately")]
    [InlineData("I had anaphylaxis years ago to penicillin, can I have b12")]
    [InlineData("I'm allergic to cobalt")]
    [InlineData("it gives me energy")]
    [InlineData("I am short on time today")]
    [InlineData("that's right, I'm cooking dinner")]
    [InlineData("I had hives as a teenager, is b12 ok")]
    [InlineData("my throat is sore from a cold, can i still get my shot tomorrow")]
    public void Everyday_and_neurologic_messages_are_not_emergencies(string text)
    {
        Assert.False(IsEmergency(text), text);
    }

    [Fact]
    public void Empty_huge_and_odd_messages_do_not_throw()
    {
        Assert.False(IsEmergency(null));
        Assert.False(IsEmergency(""));
        Assert.False(IsEmergency(new string('a', 100_000)));
        Assert.False(IsEmergency("\uD800\uFFFF\u0000..."));
        Assert.True(IsEmergency("ｃａｎｔ ｂｒｅａｔｈｅ"));
    }

    [Fact]
    public void An_emergency_at_the_end_of_a_long_message_is_still_found()
    {
        var story = string.Concat(Enumerable.Repeat("I had my b12 shot this morning and the nurse was lovely. ", 200));

        Assert.True(IsEmergency(story + "Now my throat is closing up."));
    }

    [Theory]
    [InlineData("hives on my arms after the jab")]
    [InlineData("itchy all over since the shot")]
    [InlineData("feel weird after my jab")]
    [InlineData("I have a few hives at the injection site")]
    public void Skin_signs_or_feeling_unwell_after_a_shot_without_breathing_swelling_or_faintness_get_the_check_question(string text)
    {
        Assert.Equal(TriageClass.PossibleReaction, fixture.Triage.Screen(text).Class);
    }

    [Theory]
    [InlineData("I've been having palpitations and my ankles are swollen since I started the injections this week")]
    [InlineData("my heart has been racing since I started b12 shots")]
    [InlineData("a bit breathless on the stairs since starting treatment")]
    [InlineData("the injection site is red, warm and there's pus, and I have a fever")]
    [InlineData("spreading redness around where I had the shot")]
    public void Heart_symptoms_in_the_first_days_and_an_infected_site_are_left_to_the_faq(string text)
    {
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(text).Class);
    }

    [Theory]
    [InlineData("my heart is racing since the shot and I can't breathe")]
    [InlineData("palpitations and now I'm gasping for air")]
    [InlineData("swollen ankles and my throat is closing")]
    [InlineData("so breathless I can barely talk")]
    public void Severe_breathing_trouble_now_is_an_emergency_even_with_early_heart_symptoms(string text)
    {
        Assert.True(IsEmergency(text), text);
    }

    [Theory]
    [InlineData("I took too many pills and I want to die", TriageClass.Crisis)]
    [InlineData("my kid swallowed my pills and now he's not breathing", TriageClass.Emergency)]
    [InlineData("I want to kill myself, I can't breathe", TriageClass.Emergency)]
    [InlineData("itchy all over since the shot and my son ate some of my tablets", TriageClass.Poisoning)]
    [InlineData("how many of my pills would it take to not wake up", TriageClass.Crisis)]
    [InlineData("he took all his pills and will not wake up", TriageClass.Emergency)]
    public void When_several_apply_the_strongest_wins(string text, TriageClass expected)
    {
        Assert.Equal(expected, fixture.Triage.Screen(text).Class);
    }

    /// <summary>Each crisis concept in other words than the regression sets use (wording, person, typos).</summary>
    [Theory]
    [InlineData("my daughter wants to take her own life")]
    [InlineData("he said he is going to end his life tonight")]
    [InlineData("gonna kil my self tonight")]
    [InlineData("thinking about stepping in front of a bus")]
    [InlineData("i keep imagining jumping from the roof of my office")]
    [InlineData("how much insulin would it take to die")]
    [InlineData("i have been stockpiling my sleeping pills to never wake up")]
    [InlineData("there is no reason for me to live")]
    [InlineData("i dont want to be alive anymore")]
    [InlineData("i have the rope tied already")]
    [InlineData("it would be easier for everyone if i was gone")]
    [InlineData("I used to self harm and I've started again")]
    public void Indirect_suicidal_and_self_harm_wording_gets_the_crisis_line(string text)
    {
        Assert.Equal(TriageClass.Crisis, fixture.Triage.Screen(text).Class);
    }

    /// <summary>Everyday sentences that share words with the crisis, collapse and reaction rules stay with the FAQ.</summary>
    [Theory]
    [InlineData("do i need to take b12 for the rest of my life")]
    [InlineData("i dont want to live with pins and needles forever")]
    [InlineData("i jumped off the bus and twisted my ankle")]
    [InlineData("is there no point taking tablets if i have pernicious anemia")]
    [InlineData("how many pills should i take if i miss my injection")]
    [InlineData("i self harmed years ago as a teenager, can i still have b12 shots")]
    [InlineData("my hands have been tingly for months, is that low b12")]
    [InlineData("i feel breathless since my first b12 jabs")]
    [InlineData("I had hives as a kid, can I still get the shot")]
    public void Everyday_sentences_with_alarming_words_raise_nothing(string text)
    {
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(text).Class);
    }

    /// <summary>Widespread skin signs with faintness or a racing heart are an emergency, also after a past-tense "had my shot".</summary>
    [Theory]
    [InlineData("had my jab earlier, now rash all over and my head is spinning")]
    [InlineData("red blotches everywhere and my heart is thumping")]
    [InlineData("I had hives as a kid but now I have hives everywhere and feel woozy")]
    [InlineData("his words are coming out wrong")]
    [InlineData("she fell to the floor and isn't moving")]
    public void Skin_with_faintness_stroke_and_collapse_wording_is_an_emergency(string text)
    {
        Assert.True(IsEmergency(text), text);
    }

    /// <summary>A skin or body symptom tied to the injection in time gets the check question, not the FAQ.</summary>
    [Theory]
    [InlineData("since my b12 this morning my back is itchy")]
    [InlineData("a rash came up on my leg after getting the shot")]
    [InlineData("bumps where they injected me since yesterday")]
    [InlineData("feel off after my b12 jab")]
    public void A_symptom_tied_to_the_injection_in_time_gets_the_check_question(string text)
    {
        Assert.Equal(TriageClass.PossibleReaction, fixture.Triage.Screen(text).Class);
    }

    [Fact]
    public void Every_string_of_a_card_submit_is_read()
    {
        var value = JsonSerializer.SerializeToElement(new { answer = "fine", details = new[] { "nothing", new string('x', 3000), "my son swallowed a handful of my pills" } });

        Assert.Equal(TriageClass.Poisoning, fixture.Triage.Screen("Submit", value).Class);
    }

    [Theory]
    [InlineData(60_000)]
    [InlineData(64_000)]
    public void A_huge_value_string_is_screened_within_the_budget_and_still_answered(int length)
    {
        // A pasted wall of story, then what is happening now at the very end.
        var pad = string.Concat(Enumerable.Repeat("I had my b12 shot this morning and the nurse was lovely. ", length / 57 + 1))[..(length - 30)];
        var value = JsonSerializer.SerializeToElement(new { text = pad + ". my throat is closing now!!" });

        var result = fixture.Triage.Screen(null, value);

        Assert.Equal(TriageClass.Emergency, result.Class);
        Assert.NotNull(result.RuleId);
    }

    [Fact]
    public void A_huge_hostile_payload_of_many_strings_and_deep_nesting_gets_a_verdict()
    {
        var strings = Enumerable.Range(0, 100).Select(_ => new string('a', 64_000)).ToArray();
        var value = JsonSerializer.SerializeToElement(new { a = strings, b = new { c = new { d = new { e = new { f = new { g = new { h = new { i = new { j = "cant breathe" } } } } } } } } });

        Assert.Equal(TriageClass.None, fixture.Triage.Screen(new string('b', 64_000), value).Class);
    }

    private bool IsEmergency(string? text) => fixture.Triage.Screen(text).Class == TriageClass.Emergency;
}
