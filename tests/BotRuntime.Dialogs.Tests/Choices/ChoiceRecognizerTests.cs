using BotRuntime.Dialogs.Choices;

namespace BotRuntime.Dialogs.Tests.Choices;

public sealed class ChoiceRecognizerTests
{
    private static readonly List<Choice> Injections =
    [
        new("Hydroxocobalamin injection") { Synonyms = ["hydroxo", "hydroxy"] },
        new("Cyanocobalamin injection") { Synonyms = ["cyano"] },
        new("Tablets"),
    ];

    private static FoundChoice? Pick(string utterance, IList<Choice>? choices = null, FindChoicesOptions? options = null)
    {
        var results = ChoiceRecognizers.RecognizeChoices(utterance, choices ?? Injections, options);
        return results.Count > 0 ? results[0].Resolution : null;
    }

    [Theory]
    [InlineData("Tablets", 2)]
    [InlineData("TABLETS", 2)]
    [InlineData("  cyanocobalamin injection ", 1)]
    public void Exact_answer_picks_the_choice_with_a_perfect_score(string utterance, int expected)
    {
        var found = Pick(utterance);
        Assert.Equal(expected, found?.Index);
        Assert.Equal(1.0f, found?.Score);
    }

    [Theory]
    [InlineData("I'd like the tablets please", "Tablets")]
    [InlineData("the cyanocobalamin one, the injection", "Cyanocobalamin injection")]
    [InlineData("cyanocobalamin b12 injection", "Cyanocobalamin injection")]
    [InlineData("hydroxo please!", "Hydroxocobalamin injection")]
    [InlineData("Cyano.", "Cyanocobalamin injection")]
    public void Choice_words_inside_a_longer_answer_pick_it(string utterance, string expected) =>
        Assert.Equal(expected, Pick(utterance)?.Value);

    [Fact]
    public void Words_too_far_apart_do_not_match_and_a_gap_lowers_the_score()
    {
        Assert.Null(Pick("cyanocobalamin is what my sister had as an injection", [new("Cyanocobalamin injection")], new FindChoicesOptions { RecognizeNumbers = false, RecognizeOrdinals = false }));

        var tight = ChoiceRecognizers.RecognizeChoices("cyanocobalamin injection now", [new Choice("Cyanocobalamin injection"), new Choice("x")]);
        var loose = ChoiceRecognizers.RecognizeChoices("cyanocobalamin b12 injection", [new Choice("Cyanocobalamin injection"), new Choice("x")]);
        Assert.True(tight[0].Resolution.Score > loose[0].Resolution.Score);
        Assert.Equal("cyanocobalamin b12 injection", loose[0].Text);
    }

    [Fact]
    public void A_typo_in_one_word_matches_only_when_partial_matches_are_allowed()
    {
        var choices = new List<Choice> { new("Hydroxocobalamin injection"), new("Nasal spray") };
        var strict = new FindChoicesOptions { RecognizeNumbers = false, RecognizeOrdinals = false };
        var partial = new FindChoicesOptions { AllowPartialMatches = true };

        Assert.Null(Pick("hydroxocobalmin injection", choices, strict));
        var found = Pick("hydroxocobalmin injection", choices, partial);
        Assert.Equal("Hydroxocobalamin injection", found?.Value);
        Assert.Equal(0f, found?.Score);
        Assert.Equal("Nasal spray", Pick("nasel spray", choices, partial)?.Value);
    }

    [Theory]
    [InlineData("the second one", "Cyanocobalamin injection")]
    [InlineData("first", "Hydroxocobalamin injection")]
    [InlineData("the last one", "Tablets")]
    [InlineData("3rd", "Tablets")]
    public void Ordinals_pick_by_position(string utterance, string expected) =>
        Assert.Equal(expected, Pick(utterance)?.Value);

    [Theory]
    [InlineData("2", "Cyanocobalamin injection")]
    [InlineData("number 3", "Tablets")]
    [InlineData("one", "Hydroxocobalamin injection")]
    public void Numbers_pick_by_position(string utterance, string expected) =>
        Assert.Equal(expected, Pick(utterance)?.Value);

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("the tenth")]
    [InlineData("2.5")]
    public void Positions_outside_the_list_pick_nothing(string utterance) => Assert.Null(Pick(utterance));

    [Fact]
    public void Number_and_ordinal_recognition_can_be_turned_off()
    {
        Assert.Null(Pick("2", options: new FindChoicesOptions { RecognizeNumbers = false }));
        Assert.Null(Pick("the second one", options: new FindChoicesOptions { RecognizeOrdinals = false, RecognizeNumbers = false }));
    }

    [Fact]
    public void Words_win_over_positions()
    {
        var choices = new List<Choice> { new("First aid"), new("Second opinion") };
        Assert.Equal("Second opinion", Pick("a second opinion", choices)?.Value);
    }

    [Fact]
    public void Action_titles_are_synonyms_unless_turned_off()
    {
        var choices = new List<Choice> { new("yes_book") { Action = new Schema.CardAction("imBack", "Book now", "yes_book") }, new("no") };
        Assert.Equal("yes_book", Pick("book now", choices)?.Value);
        Assert.Null(Pick("book now", choices, new FindChoicesOptions { NoAction = true, RecognizeNumbers = false, RecognizeOrdinals = false }));
    }

    [Fact]
    public void Each_choice_is_reported_once_in_utterance_order()
    {
        var results = Find.FindChoices("tablets or cyano, maybe tablets", Injections);
        Assert.Equal([2, 1], results.Select(r => r.Resolution.Index));
        Assert.Equal("tablets", results[0].Text);
        Assert.Equal(0, results[0].Start);
        Assert.Equal(6, results[0].End);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\uD800 lone surrogate")]
    [InlineData("🤷🏽‍♀️")]
    [InlineData("<script>alert()</script>")]
    public void Odd_input_picks_nothing_and_does_not_throw(string utterance) => Assert.Null(Pick(utterance));

    [Fact]
    public void Huge_input_is_handled()
    {
        var huge = string.Concat(Enumerable.Repeat("blah ", 20_000)) + "tablets";
        Assert.Equal("Tablets", Pick(huge)?.Value);
        Assert.Null(Pick(new string('x', 100_000)));
    }

    [Fact]
    public void Tokenizer_keeps_accented_words_whole_and_splits_emoji()
    {
        var tokens = Tokenizer.Tokenize("Sí, café👍ok");
        Assert.Equal(["sí", "café", "👍", "ok"], tokens.Select(t => t.Normalized));
        Assert.Equal(8, tokens[2].Start);
        Assert.Equal(9, tokens[2].End);
    }
}
