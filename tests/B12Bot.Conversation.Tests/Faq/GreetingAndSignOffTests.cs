using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// A greeting or sign-off around a question carries no topic (dialogs/language.yaml lists such phrases among the stop
/// words): "good afternoon" is no time of day, a kiss ("x") no word to weigh. Before, "Good afternoon, ... how often will
/// I need the b12 jab? x" got the stopping-treatment answer. And a low result told before "what happens next" is the
/// next-steps entry, not the high-result one ("came back" is in both).
/// </summary>
public sealed class GreetingAndSignOffTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("Good afternoon, my doctor says my levels are low, how often will I need the b12 jab? x", "schedule_monitoring")]
    [InlineData("Good evening! how often should the b12 injections be? many thanks", "schedule_monitoring")]
    [InlineData("morning all, does the b12 jab hurt? xx", "does_it_hurt")]
    [InlineData("I'm 70 and my b12 came back low, what happens next?", "next_steps")]
    [InlineData("Good morning, my b12 came back low, what happens next? thanks in advance", "next_steps")]
    public void The_question_inside_a_greeting_and_sign_off_is_answered(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public void A_greeting_phrase_adds_no_term_to_the_question()
    {
        var greeted = fixture.Matcher.Analyzer.Analyze("Good morning, how often do I need the b12 shot? x");
        var plain = fixture.Matcher.Analyzer.Analyze("how often do I need the b12 shot?");

        Assert.Equal(plain.Terms, greeted.Terms);
    }

    [Theory]
    // "morning" alone is still a time of day the content speaks of.
    [InlineData("I swim every morning, can I still go after my b12 jab?", "morn")]
    [InlineData("is it better to have the shot in the morning?", "morn")]
    public void A_time_of_day_outside_a_greeting_still_counts(string text, string term)
    {
        var analyzed = fixture.Matcher.Analyzer.Analyze(text);

        Assert.Contains(term, analyzed.Terms);
    }
}
