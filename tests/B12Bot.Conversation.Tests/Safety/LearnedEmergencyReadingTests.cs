using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The learned emergency reading beside the rules (dialogs/emergency-model.json): an emergency told in words no rule has
/// gets the urgent message, calm messages near it (signs asked about, a reaction long ago, a hypothetical, a figure of
/// speech) stay calm, the rules' own decisions stand, a broken model file is refused by name, and the crisis reading
/// still loads and works beside it. Messages in other words than any eval set.
/// </summary>
public sealed class LearnedEmergencyReadingTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // (Round 43's rules now find "what do i do, my throat is swelling" themselves.) A chest pain asked as a question
    // ("should my heart feel ...") with its signs told as now is one no rule has.
    [InlineData("should my heart feel like its being squeezed? it started 15 min ago and my jaw aches, also when is my next jab due")]
    [InlineData("my tongue feels enormous and my breath is coming in squeaks")]
    [InlineData("my breath is coming in squeaks and my neck feels tight")]
    public async Task An_emergency_in_words_no_rule_has_gets_the_urgent_message(string said)
    {
        // The rules alone, and the rules with the crisis reading only, give no alarm.
        Assert.NotEqual(TriageClass.Emergency, new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord).Screen(said).Class);
        Assert.NotEqual(TriageClass.Emergency, new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord, fixture.CrisisModel).Screen(said).Class);
        Assert.Equal(new TriageResult(TriageClass.Emergency, LearnedReadingKind.Emergency.RuleId), fixture.Triage.Screen(said));

        var chat = new BotConversation(fixture);
        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
    }

    [Theory]
    [InlineData("what are the signs of anaphylaxis")]
    [InlineData("i had a bad reaction to penicillin years ago, my throat swelled up, is b12 safe?")]
    [InlineData("my heart was pounding with excitement when i booked my first jab")]
    [InlineData("the waiting list for the clinic is killing me")]
    [InlineData("i nearly collapsed laughing at my kid's joke about needles")]
    [InlineData("what happens if someone has a seizure after an injection?")]
    [InlineData("how would i know if i was having a stroke?")]
    [InlineData("my grandmother had a stroke years ago, can she have b12 shots?")]
    public async Task Calm_messages_with_emergency_words_get_no_alarm(string said)
    {
        Assert.NotEqual(TriageClass.Emergency, fixture.Triage.Screen(said).Class);

        var chat = new BotConversation(fixture);
        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.Text == fixture.Content.Safety.UrgentMessage);
    }

    [Fact]
    public void The_model_raises_only_a_calm_reading_never_a_check_question_or_poison_control()
    {
        // A model that reads every mention of a floor as an emergency: only the rules' calm readings give way to it.
        var floorModel = new LearnedSafetyReading { Threshold = 0.5, Bias = 0, Weights = new() { ["floor"] = 10 } }.Ready(LearnedReadingKind.Emergency);
        var triage = new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord, emergencyModel: floorModel);

        Assert.Equal(new TriageResult(TriageClass.Emergency, "learned_emergency"), triage.Screen("i keep thinking about the floor"));
        Assert.Equal(TriageClass.Poisoning, triage.Screen("my toddler swallowed a handful of my pills off the floor").Class);

        // A new symptom after the shot keeps its check question (which asks about breathing, swelling, fainting now).
        var dizzyModel = new LearnedSafetyReading { Threshold = 0.5, Bias = 0, Weights = new() { ["dizzy"] = 10 } }.Ready(LearnedReadingKind.Emergency);
        var checking = new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord, emergencyModel: dizzyModel);
        Assert.Equal(TriageClass.PossibleReaction, checking.Screen("had my jab an hour ago and now i feel dizzy").Class);
    }

    [Fact]
    public void A_message_both_models_raise_gets_the_crisis_line()
    {
        // The emergency model never saw a crisis: when the crisis model reads one, the crisis line (which names 911 too) stands.
        var crisisFloor = new LearnedSafetyReading { Threshold = 0.5, Bias = -5, Weights = new() { ["floor"] = 10 } }.Ready(LearnedReadingKind.Crisis);
        var emergencyFloor = new LearnedSafetyReading { Threshold = 0.5, Bias = -5, Weights = new() { ["floor"] = 10, ["ceiling"] = 10 } }.Ready(LearnedReadingKind.Emergency);
        var triage = new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord, crisisFloor, emergencyFloor);

        Assert.Equal(new TriageResult(TriageClass.Crisis, LearnedReadingKind.Crisis.RuleId), triage.Screen("i keep thinking about the floor"));
        Assert.Equal(new TriageResult(TriageClass.Emergency, LearnedReadingKind.Emergency.RuleId), triage.Screen("i keep thinking about the ceiling"));
    }

    [Fact]
    public void An_emergency_sign_the_rules_set_aside_keeps_the_model_quiet()
    {
        // A throat that swelled after a shot years ago: an emergency rule's words, set aside by the rules as long past.
        var throatModel = new LearnedSafetyReading { Threshold = 0.5, Bias = 0, Weights = new() { ["throat"] = 10 } }.Ready(LearnedReadingKind.Emergency);
        var triage = new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord, emergencyModel: throatModel);

        Assert.NotEqual(TriageClass.Emergency, triage.Screen("years ago my throat swelled up and closed after a penicillin shot").Class);
        Assert.Equal(TriageClass.Emergency, triage.Screen("my throat keeps bothering me").Class);

        // Negated, or a swelling the rules gave to a nearer body part: the rules said no, the model stays quiet.
        var swellingModel = new LearnedSafetyReading { Threshold = 0.5, Bias = 0, Weights = new() { ["breathing"] = 10, ["swollen"] = 10 } }.Ready(LearnedReadingKind.Emergency);
        var gated = new SafetyTriage(fixture.Content.Safety, fixture.Matcher.Analyzer.IsKnownWord, emergencyModel: swellingModel);
        Assert.Equal(TriageClass.None, gated.Screen("never had trouble breathing").Class);
        Assert.Equal(TriageClass.None, gated.Screen("my ankles are swollen and my tongue looks smooth and red").Class);
    }

    [Fact]
    public void A_model_of_the_wrong_class_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SafetyTriage(fixture.Content.Safety, emergencyModel: fixture.CrisisModel));
        Assert.Throws<ArgumentException>(() => new SafetyTriage(fixture.Content.Safety, crisisModel: fixture.EmergencyModel));
    }

    [Theory]
    [InlineData("""{ "threshold": 0, "bias": 0, "weights": {} }""")]
    [InlineData("""{ "threshold": 0.9, "bias": 0, "weights": { "throat": "swollen" } }""")]
    [InlineData("""{ "threshold": 0.9, "bias": """)]
    public void A_broken_model_file_is_refused_naming_the_file(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"emergency-model-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var refused = Assert.Throws<InvalidOperationException>(() => LearnedSafetyReading.Load(path, LearnedReadingKind.Emergency));
            Assert.StartsWith(path, refused.Message, StringComparison.Ordinal);
            Assert.Contains("emergency model", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Both_shipped_models_load_with_their_class_and_a_fitted_threshold()
    {
        Assert.Equal(TriageClass.Emergency, fixture.EmergencyModel.Kind.RaisesTo);
        Assert.InRange(fixture.EmergencyModel.Threshold, 0.5, 1.0);
        Assert.NotEmpty(fixture.EmergencyModel.Weights);
        Assert.Equal(TriageClass.Crisis, fixture.CrisisModel.Kind.RaisesTo);
        Assert.InRange(fixture.CrisisModel.Threshold, 0.5, 1.0);
    }

    [Fact]
    public async Task The_crisis_reading_still_works_beside_the_emergency_one()
    {
        const string Said = "i keep looking at the tall car park near work and thinking how easy it would be";
        Assert.Equal(new TriageResult(TriageClass.Crisis, LearnedReadingKind.Crisis.RuleId), fixture.Triage.Screen(Said));

        var chat = new BotConversation(fixture);
        var replies = await chat.SayAsync(Said);

        Assert.Contains(replies, r => r.Text == fixture.Content.Safety.CrisisMessage);
    }
}
