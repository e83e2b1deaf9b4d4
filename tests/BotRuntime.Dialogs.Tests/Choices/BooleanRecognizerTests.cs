using BotRuntime.Dialogs.Choices;

namespace BotRuntime.Dialogs.Tests.Choices;

public sealed class BooleanRecognizerTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yep", true)]
    [InlineData("yup!", true)]
    [InlineData("y", true)]
    [InlineData("sure thing", true)]
    [InlineData("OK", true)]
    [InlineData("yeah I think so", true)]
    [InlineData("I agree", true)]
    [InlineData("👍", true)]
    [InlineData("👍🏽", true)]
    [InlineData("👌", true)]
    [InlineData("no", false)]
    [InlineData("Nope.", false)]
    [InlineData("not ok", false)]
    [InlineData("I disagree", false)]
    [InlineData("false", false)]
    [InlineData("👎", false)]
    [InlineData("✋", false)]
    public void English_yes_and_no(string utterance, bool expected) =>
        Assert.Equal(expected, BooleanRecognizer.RecognizeBoolean(utterance, "en-us")?.Resolution.Value);

    [Theory]
    [InlineData("sí", true)]
    [InlineData("Si", true)]
    [InlineData("sip", true)]
    [InlineData("por supuesto", true)]
    [InlineData("cierto", true)]
    [InlineData("👍", true)]
    [InlineData("no", false)]
    [InlineData("nop", false)]
    [InlineData("falso", false)]
    [InlineData("👎", false)]
    public void Spanish_si_and_no(string utterance, bool expected) =>
        Assert.Equal(expected, BooleanRecognizer.RecognizeBoolean(utterance, "es-MX")?.Resolution.Value);

    [Theory]
    [InlineData("maybe", "en-us")]
    [InlineData("why", "en-us")]
    [InlineData("sí", "en-us")]
    [InlineData("yes", "es-es")]
    [InlineData("", "en-us")]
    [InlineData("\uDC00", "en-us")]
    public void Anything_else_is_not_an_answer(string utterance, string culture) =>
        Assert.Null(BooleanRecognizer.RecognizeBoolean(utterance, culture));

    [Fact]
    public void Unsupported_languages_fall_back_to_english() =>
        Assert.True(BooleanRecognizer.RecognizeBoolean("yes", "fr-fr")?.Resolution.Value);

    [Fact]
    public void A_lone_answer_scores_higher_than_one_inside_a_sentence()
    {
        var alone = BooleanRecognizer.RecognizeBoolean("yes", "en-us")!;
        var inSentence = BooleanRecognizer.RecognizeBoolean("well yes I guess", "en-us")!;
        Assert.Equal(1.0, alone.Resolution.Score, 3);
        Assert.InRange(inSentence.Resolution.Score, 0.4, 0.99);
    }
}
