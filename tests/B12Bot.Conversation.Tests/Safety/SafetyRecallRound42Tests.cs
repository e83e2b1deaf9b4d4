using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// The forty-eighth and forty-ninth blind safety batches' false alarms (eval/fresh-safety-48.json, fresh-safety-49.json,
/// "no emergency") and the FAQ stories of fresh-understanding-69..70 that got 911, in other words: anaphylaxis imagined
/// or asked about for knowledge (in theory, for training); a collapse a season back; a fainting tendency told (fainted
/// at vaccinations or blood tests before); a swelling after a meal once; an overdose feared; a pet fine after tablets a
/// season back; what too much of something masks; a head "exploding" with information; "fretting" (not "fitting"); a
/// double injection asked about ahead of time (the semantic backstop). Each no-alarm case fails on 17ac807's
/// safety.yaml (the round-41 rules) and passes with round 42's; each alarming twin (the same thing told as happening
/// now) passes on both.
/// </summary>
public sealed class SafetyRecallRound42Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // 911 on 17ac807
    [InlineData("in theory if I went into anaphylaxis during my jab, would the clinic have an epipen?")]
    [InlineData("hypothetically if my son went into anaphylaxis at school what would they do")]
    [InlineData("my brother collapsed on holiday last summer, they said it was his b12, is it hereditary?")]
    [InlineData("I'm so scared of needles I've fainted at vaccinations before. Does the b12 jab hurt?")]
    [InlineData("I've passed out at blood tests before so I'm nervous. How long does the injection take?")]
    [InlineData("my husband had a swollen face after a seafood buffet once, is he more likely to react to b12?")]
    [InlineData("I had swollen lips after a curry once, should I worry about the shot?")]
    [InlineData("my head is exploding with all these numbers, what's a normal b12 level?")]
    [InlineData("I've been fretting about my first injection tomorrow, does it hurt?")]
    [InlineData("my mum keeps fretting about her results, is 900 high for b12?")]
    // Poison Control on 17ac807
    [InlineData("is 5000mcg a day too high? frightened of overdosing")]
    [InlineData("is a weekly injection too much? afraid of an overdose")]
    [InlineData("my dog chewed open my vitamin tablets last winter and was totally fine, can b12 hurt pets?")]
    [InlineData("my doctor said too much folic acid can mask a deficiency, what does that mean?")]
    [InlineData("if i ever inject two shots in a single week by accident, what do i do? it hasnt happened, im asking beforehand")]
    public async Task Alarming_words_asked_for_knowledge_told_of_long_ago_or_as_a_figure_of_speech_get_no_alarm(string said)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(said);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, chat.IsSafetyReply);
    }

    [Theory]
    // the twins told as happening now: the urgent message on 17ac807 too
    [InlineData("got my jab ten minutes ago and i think its anaphylaxis, what do i do")]
    [InlineData("my brother just collapsed on the kitchen floor")]
    [InlineData("i just fainted after my b12 injection and still feel awful")]
    [InlineData("my lips swelled up after my curry tonight and my throat feels tight")]
    [InlineData("my head is exploding, worst headache of my life, came on suddenly")]
    [InlineData("my mum is fitting on the floor and wont stop")]
    public async Task The_same_told_as_happening_now_still_gets_the_urgent_message(string said)
    {
        var chat = new BotConversation(fixture);

        var urgent = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.UrgentMessage, urgent.Text);
    }

    [Theory]
    // the twins told as done: Poison Control on 17ac807 too
    [InlineData("i overdosed on my tablets an hour ago")]
    [InlineData("my dog just ate a whole bottle of my vitamin tablets")]
    [InlineData("i took too much insulin and feel shaky")]
    [InlineData("i accidentally injected my b12 twice this week, what do i do?")]
    public async Task The_same_told_as_done_still_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var poisoning = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, poisoning.Text);
    }
}
