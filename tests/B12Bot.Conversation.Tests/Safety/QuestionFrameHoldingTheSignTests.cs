using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>
/// A question frame that holds the sign's first word ("if my throat ever ...") frames the sign, as one before it does:
/// the frame names the body part, so it used to end after the sign's start and set nothing aside (fresh-safety-17's
/// "if my throat ever swelled up after a shot, would I call 999 or come back?" got the urgent message). A present
/// marker after the frame's start and before the sign's last word still makes it a report.
/// </summary>
public sealed class QuestionFrameHoldingTheSignTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("if my throat ever closed up after an injection would the nurse know what to do?")]
    [InlineData("if my face ever swelled up after a jab would i need the hospital?")]
    public void A_hypothetical_told_with_the_body_part_inside_the_frame_is_a_question(string said)
    {
        Assert.Equal(TriageClass.None, fixture.Triage.Screen(said).Class);
    }

    [Theory]
    [InlineData("if my throat ever swells she said to come back, and now my throat is swelling")]
    [InlineData("not sure if my throat is closing")]
    [InlineData("my throat is swelling, what do i do if it gets worse?")]
    public void A_swelling_told_now_is_still_an_emergency(string said)
    {
        Assert.Equal(TriageClass.Emergency, fixture.Triage.Screen(said).Class);
    }
}
