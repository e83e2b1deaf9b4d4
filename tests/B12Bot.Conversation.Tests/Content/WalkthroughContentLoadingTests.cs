using B12Bot.Conversation.Content;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Content;

/// <summary>The walkthrough's own constructs (ask_when, ambiguous, not_with, choice phrases) are checked at start with file and line.</summary>
public sealed class WalkthroughContentLoadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "b12-walkthrough-" + Guid.NewGuid().ToString("N"));

    public WalkthroughContentLoadingTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Ask_when_that_depends_on_a_later_question_names_the_line()
    {
        var line = Replace("    summary: Pregnant or breastfeeding\n", "    summary: Pregnant or breastfeeding\n    ask_when: { labs: [low] }\n") + 1;

        Assert.Contains($"walkthrough.yaml:{line}: 'ask_when' of question 'pregnancy' depends on 'labs', which is asked later; it can only depend on earlier questions", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_when_with_an_answer_the_question_does_not_offer_names_the_line()
    {
        var line = Replace("    ask_when: { labs: [low, low_on_tablets] }", "    ask_when: { labs: [low, very_low] }");

        Assert.Contains($"walkthrough.yaml:{line}: 'very_low' is not a choice value of question 'labs'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_word_that_is_also_an_answer_names_the_line()
    {
        var line = Replace("      phrases: [n, no, nope, nah, negative, not really]", "      phrases: [n, no, nope, nah, negative, not really, not tested]");

        Assert.Contains($"walkthrough.yaml:{line}: 'not tested' is listed as ambiguous in question 'labs' but also answers 'Not tested'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_words_under_two_choices_of_one_question_name_the_line()
    {
        var line = Replace("      - value: not_tested\n        label: Not tested\n        synonyms: [not tested,", "      - value: not_tested\n        label: Not tested\n        synonyms: [normal, not tested,");

        Assert.Contains($"walkthrough.yaml:{line}: 'normal' answers both 'Tested, not low' and 'Not tested' in question 'labs'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Not_with_an_unknown_outcome_names_the_line()
    {
        var line = Replace("    not_with: [absorption_unknown]", "    not_with: [absorption_unclear]");

        Assert.Contains($"walkthrough.yaml:{line}: 'not_with' of a note names 'absorption_unclear', which is not listed under 'outcomes'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_walkthrough_asks_severity_only_after_a_low_result()
    {
        var severe = B12ContentLoader.Load(_folder).Walkthrough.Questions.Single(q => q.Id == "severe");

        Assert.True(severe.IsAskedAfter(new Dictionary<string, string> { ["labs"] = "low" }));
        Assert.True(severe.IsAskedAfter(new Dictionary<string, string> { ["labs"] = "low_on_tablets" }));
        Assert.False(severe.IsAskedAfter(new Dictionary<string, string> { ["labs"] = "borderline" }));
    }

    private string LoadMessage() => Assert.Throws<ContentValidationException>(() => B12ContentLoader.Load(_folder)).Message;

    /// <summary>Replaces the first <paramref name="oldText"/> in walkthrough.yaml; returns the 1-based line where it started.</summary>
    private int Replace(string oldText, string newText)
    {
        var path = Path.Combine(_folder, B12ContentLoader.WalkthroughFile);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldText}' not found in walkthrough.yaml");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
        return text[..index].Count(c => c == '\n') + 1;
    }
}
