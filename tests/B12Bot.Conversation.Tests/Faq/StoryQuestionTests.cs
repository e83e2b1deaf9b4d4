using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// A story that ends in a question: the question sentence's meaning is read beside the whole message's, so the story
/// around it does not pull the reading away from what is asked.
/// </summary>
public sealed class StoryQuestionTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("My GP said my level was borderline and gave me a leaflet. I'm a vegan and I don't mind needles. How do I decide between the tablets and the injections for me?", "decision_framework")]
    [InlineData("I was at the chemist earlier and there were sprays, chewables, drops and patches. The labels were no help at all. What different forms of B12 exist?", "forms")]
    [InlineData("Had my jab a few days ago and it was fine until this morning. My partner reckons I'm being paranoid. What does an infection at the injection spot look like?", "injection_site_infection")]
    [InlineData("We moved house last month and I lost track of my appointments. The surgery is booked up for weeks. What happens if I miss a B12 shot?", "missed_dose")]
    [InlineData("I've been having the shots every three months. My arm always aches for a day. How long do the side effects usually last?", "side_effects_duration")]
    public void A_story_ending_in_a_question_gets_the_answer_to_that_question(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.True(match.Kind == FaqMatchKind.Answer && match.Entry!.Id == entry, $"\"{text}\" -> {match}");
    }

    [Theory]
    [InlineData("the itching from my jab, how long does that stick around")]
    [InlineData("I had my injection on Friday and feel a little sick since. How long before the queasiness clears up?")]
    public void Asking_how_long_a_side_effect_stays_is_about_when_side_effects_go_away_not_how_quickly_b12_works(string text)
    {
        var match = fixture.Match(text);

        Assert.True(match.Kind == FaqMatchKind.Answer && match.Entry!.Id == "side_effects_duration", $"\"{text}\" -> {match}");
    }

    [Fact]
    public void The_question_sentence_is_the_last_sentence_that_asks_something()
    {
        var analyzed = fixture.Matcher.Analyzer.Analyze("Got my levels back today. They were low. Which foods would help most? Thanks in advance.");

        Assert.Equal("which foods would help most", analyzed.QuestionSentence);
    }

    [Theory]
    [InlineData("which foods have the most b12")]
    [InlineData("my feet tingle, could that be b12 and should i get shots")]
    [InlineData("I've had the jab for years. what should i do about it?")]
    [InlineData("I had my jab yesterday. why?")]
    public void A_message_of_one_sentence_or_a_question_that_leans_on_the_story_is_read_whole(string text)
    {
        Assert.Null(fixture.Matcher.Analyzer.Analyze(text).QuestionSentence);
    }
}
