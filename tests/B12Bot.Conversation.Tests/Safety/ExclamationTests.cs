using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// A cry of alarm before what happened ("oh no", "no no no": safety.yaml exclamations) negates nothing that follows: a
/// poisoning told after it gets Poison Control. Before, its "no" negated the next words, and "oh no i injected myself
/// from my husbands vial" got no reply (found by safety round 40). Children's medicines by brand (Calpol ...) are
/// medicines. A "no" that really negates, after the cry, still does.
/// </summary>
public sealed class ExclamationTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // no reply on 8638534
    [InlineData("oh no i injected myself from my husbands vial by mistake, it was his insulin")]
    [InlineData("oh no my little girl has drunk some of the calpol, half the bottle is gone")]
    public async Task A_poisoning_told_after_oh_no_gets_poison_control(string said)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Safety.PoisoningMessage, reply.Text);
    }

    [Theory]
    // The "no" after the cry still negates the swelling and rash: a mild itch at the site gets the check question, not 911.
    [InlineData("oh no, no swelling or rash, just a little itch where the jab went", TriageClass.PossibleReaction)]
    [InlineData("oh no i double booked my b12 appointment, can i change it", TriageClass.None)]
    public void What_follows_the_cry_is_read_as_usual(string said, TriageClass expected)
    {
        Assert.Equal(expected, fixture.Triage.Screen(said).Class);
    }
}
