using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>Answers typed in people's own words, as the symptom check reads them (choice value, "ambiguous" or "none").</summary>
public sealed class WalkthroughAnswerRecognizerTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private const string Ambiguous = "ambiguous";
    private const string None = "none";

    [Theory]
    // Any serious allergy counts, not only to B12 or cobalt; "no allergies" is no.
    [InlineData("allergy", "yes, anaphylaxis to bee stings", "yes")]
    [InlineData("allergy", "I have a peanut allergy", "yes")]
    [InlineData("allergy", "allergic to penicillin", "yes")]
    [InlineData("allergy", "no allergies", "no")]
    [InlineData("allergy", "I've never had an allergic reaction", "no")]
    [InlineData("allergy", "not that I know of", "no")]
    [InlineData("malabsorption", "I have pernicious anemia", "yes")]
    [InlineData("malabsorption", "had a gastric sleeve", "yes")]
    [InlineData("malabsorption", "crohn's", "yes")]
    [InlineData("malabsorption", "I'm not sure", "unsure")]
    [InlineData("medications", "metformin for my diabetes", "yes")]
    [InlineData("medications", "omeprazole", "yes")]
    // Treatment: "yes" alone does not say which.
    [InlineData("treatment", "yes", Ambiguous)]
    [InlineData("treatment", "yep", Ambiguous)]
    [InlineData("treatment", "yes, b12 shots every month", "injections")]
    [InlineData("treatment", "I take tablets", "tablets")]
    [InlineData("treatment", "nasal spray", "tablets")]
    [InlineData("treatment", "no", "none")]
    [InlineData("treatment", "I'm not", "none")]
    // The blood test: a bare "no" could be "not tested" or "tested, not low".
    [InlineData("labs", "no", Ambiguous)]
    [InlineData("labs", "nope", Ambiguous)]
    [InlineData("labs", "No.", Ambiguous)]
    [InlineData("labs", "no, tablets didn't help", "low_on_tablets")]
    [InlineData("labs", "still low on pills", "low_on_tablets")]
    [InlineData("labs", "no it was normal", "normal")]
    [InlineData("labs", "no it wasn't", "normal")]
    [InlineData("labs", "no, I haven't been tested", "not_tested")]
    [InlineData("labs", "never had one", "not_tested")]
    [InlineData("labs", "borderline", "borderline")]
    [InlineData("labs", "it was low normal", "borderline")]
    [InlineData("labs", "on the low side of normal", "borderline")]
    [InlineData("labs", "yes it was low", "low")]
    [InlineData("labs", "yes", "low")]
    [InlineData("labs", "no idea", "unsure")]
    [InlineData("labs", "what do you mean by low", None)]
    // "I am not sure" is unsure, not "I am not".
    [InlineData("pregnancy", "I am not sure", "unsure")]
    [InlineData("neuro", "I am not sure", "unsure")]
    [InlineData("treatment", "I am not sure", "unsure")]
    [InlineData("labs", "I'm not really sure", "unsure")]
    [InlineData("severe", "yes, they said I have anemia", "yes")]
    [InlineData("severe", "not really", "no")]
    public void Own_words_are_read_as_the_right_choice(string questionId, string text, string expected)
    {
        var walkthrough = fixture.Content.Walkthrough;
        var question = walkthrough.Questions.Single(q => q.Id == questionId);
        var recognizer = new WalkthroughAnswerRecognizer(walkthrough);

        var answer = recognizer.Recognize(question, text);

        var actual = answer.IsAmbiguous ? Ambiguous : answer.IsChoice ? question.Choices[answer.ChoiceIndex].Value : None;
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_long_story_is_not_taken_as_an_answer()
    {
        var walkthrough = fixture.Content.Walkthrough;
        var labs = walkthrough.Questions.Single(q => q.Id == "labs");

        var answer = new WalkthroughAnswerRecognizer(walkthrough).Recognize(labs, "no because my doctor said last year that it would be fine to wait and see how I feel");

        Assert.False(answer.IsAnswer);
    }
}
