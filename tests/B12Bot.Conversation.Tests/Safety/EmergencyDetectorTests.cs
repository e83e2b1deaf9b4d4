using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

public sealed class EmergencyDetectorTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Fact]
    public void Every_dev_set_emergency_is_escalated()
    {
        var missed = EvaluationSet.Load(RepositoryPaths.DevSet).Emergency.Where(t => !fixture.Detector.IsEmergency(t)).ToList();

        Assert.True(missed.Count == 0, "missed: " + string.Join(" | ", missed));
    }

    [Fact]
    public void Every_held_out_emergency_phrasing_is_escalated()
    {
        var missed = EvaluationSet.Load(RepositoryPaths.TestData("paraphrase-set.json")).Emergency.Where(t => !fixture.Detector.IsEmergency(t)).ToList();

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
        Assert.True(fixture.Detector.IsEmergency(text), text);
    }

    [Fact]
    public void No_dev_set_benign_or_out_of_scope_message_is_escalated()
    {
        var set = EvaluationSet.Load(RepositoryPaths.DevSet);

        var alarms = set.Benign.Concat(set.OutOfScope).Concat(set.Faq.Select(c => c.Text)).Where(fixture.Detector.IsEmergency).ToList();

        Assert.True(alarms.Count == 0, "false alarms: " + string.Join(" | ", alarms));
    }

    [Fact]
    public void No_held_out_benign_message_is_escalated()
    {
        var set = EvaluationSet.Load(RepositoryPaths.TestData("paraphrase-set.json"));

        var alarms = set.Benign.Concat(set.OutOfScope).Concat(set.Faq.Select(c => c.Text)).Where(fixture.Detector.IsEmergency).ToList();

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
        Assert.False(fixture.Detector.IsEmergency(text), text);
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
        Assert.False(fixture.Detector.IsEmergency(text), text);
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
        Assert.False(fixture.Detector.IsEmergency(text), text);
    }

    [Fact]
    public void Empty_huge_and_odd_messages_do_not_throw()
    {
        Assert.False(fixture.Detector.IsEmergency(null));
        Assert.False(fixture.Detector.IsEmergency(""));
        Assert.False(fixture.Detector.IsEmergency(new string('a', 100_000)));
        Assert.False(fixture.Detector.IsEmergency("\uD800\uFFFF\u0000..."));
        Assert.True(fixture.Detector.IsEmergency("ｃａｎｔ ｂｒｅａｔｈｅ"));
    }

    [Fact]
    public void An_emergency_at_the_end_of_a_long_message_is_still_found()
    {
        var story = string.Concat(Enumerable.Repeat("I had my b12 shot this morning and the nurse was lovely. ", 200));

        Assert.True(fixture.Detector.IsEmergency(story + "Now my throat is closing up."));
    }
}
