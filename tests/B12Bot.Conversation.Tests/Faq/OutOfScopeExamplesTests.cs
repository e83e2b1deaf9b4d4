using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// A B12 patient asking about something the bot does not cover, a subject the word lists do not name (sleep): the
/// question reads closer to dialogs/out-of-scope.yaml's examples than to any B12 topic, so it gets the scope statement.
/// It got a B12 answer (next steps) before those examples were read. (A husband's testosterone shots asked about after
/// one's own B12 jab, here until session 14, now falls in the scope model's unsure band with the side-effects answer
/// likely enough, and is answered: see the README's session 14.)
/// The same kind of story asking about B12 itself, or about B12 with another medicine, is still answered.
/// </summary>
public sealed class OutOfScopeExamplesTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("my mum gets b12 injections, how do i help her sleep better at night?")]
    // Travel health: swelling on a flight read as the early heart strain of treatment before it had examples.
    [InlineData("my ankles puffed up on the plane, is that normal?")]
    public async Task A_b12_story_asking_about_another_subject_gets_the_scope_statement(string said)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Messages.OutOfScope, reply.Text);
    }

    [Theory]
    [InlineData("I have my b12 jab every 12 weeks. What side effects might I get from it?", "side_effects")]
    [InlineData("i'm on b12 jabs and also take sertraline. do they interact?", "medications")]
    public async Task The_same_story_asking_about_b12_is_answered(string said, string entry)
    {
        var chat = new BotConversation(fixture);

        var reply = (await chat.SayAsync(said))[0];

        Assert.Equal(fixture.Content.GetEntry(entry).Answer, reply.Text);
    }
}
