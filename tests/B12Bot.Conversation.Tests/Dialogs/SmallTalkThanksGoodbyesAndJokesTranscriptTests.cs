using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>
/// Session 35: about a third of the blind batches' small talk (286 of 758 messages) had the scope statement ("Sorry, I
/// can't help with that ...") to a thank-you with what helped, a goodbye with a wish for the day, "is anyone there", a
/// thank-you in the writer's own language, "thanks love" or a joke asked for. In other words than the batches.
/// </summary>
public sealed class SmallTalkThanksGoodbyesAndJokesTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("thanks a million, that has helped", "thanks")]
    [InlineData("you've been very helpful, thank you", "thanks")]
    [InlineData("danke schon", "thanks")]
    [InlineData("thanks love", "thanks")]
    [InlineData("ok thank you madam", "thanks")]
    [InlineData("that's all i needed, have a lovely evening", "goodbye")]
    [InlineData("good night and god bless", "goodbye")]
    [InlineData("hello, is anyone there?", "greeting")]
    [InlineData("hope you're well", "greeting")]
    [InlineData("bonjour", "greeting")]
    [InlineData("how r u today", "how_are_you")]
    [InlineData("got any good jokes?", "joke")]
    [InlineData("make me laugh", "joke")]
    public async Task Small_talk_gets_its_reply_not_the_scope_statement(string said, string smallTalk)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Messages.SmallTalk.Single(t => t.Id == smallTalk).Reply, reply.Text);
    }

    [Theory]
    // a question or a telling beside the small talk is still read
    [InlineData("thanks, that has helped, but my arm is still sore a week after the jab")]
    [InlineData("hope you're well, how long does the b12 shot take to work")]
    public async Task A_question_beside_small_talk_is_answered(string said)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(said));

        Assert.DoesNotContain(fixture.Content.Messages.SmallTalk, t => t.Reply == reply.Text);
    }

    [Fact]
    public async Task A_farewell_with_a_blessing_that_says_goodbye_to_life_gets_the_crisis_line()
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync("goodbye and god bless, i won't be around much longer"));

        Assert.Equal(fixture.Content.Safety.CrisisMessage, reply.Text);
    }
}
