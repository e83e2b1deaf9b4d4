using B12Bot.Conversation.Content;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Content;

/// <summary>
/// safety.yaml's phrase lists may write alternatives, "(nearly|almost|) fainted (getting|having) my ears pierced", for
/// every phrase they stand for; a badly written one stops start-up with its file and line.
/// </summary>
public sealed class PhraseAlternativesTests(ContentFixture fixture) : IClassFixture<ContentFixture>, IDisposable
{
    private readonly string _folder = CopyOfTheDialogs();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_phrase_with_groups_stands_for_every_combination_in_order_and_an_empty_alternative_leaves_the_words_out()
    {
        var phrases = new List<string>();

        var problem = PhraseAlternatives.Expand("(nearly|) fainted (getting|having) my ear(s|) pierced", phrases);

        Assert.Null(problem);
        Assert.Equal(
            [
                "nearly fainted getting my ears pierced", "nearly fainted getting my ear pierced",
                "nearly fainted having my ears pierced", "nearly fainted having my ear pierced",
                "fainted getting my ears pierced", "fainted getting my ear pierced",
                "fainted having my ears pierced", "fainted having my ear pierced",
            ],
            phrases);
    }

    [Fact]
    public void A_phrase_without_groups_is_kept_as_written()
    {
        var phrases = new List<string>();

        Assert.Null(PhraseAlternatives.Expand("said to ring {number} if", phrases));

        Assert.Equal(["said to ring {number} if"], phrases);
    }

    [Theory]
    [InlineData("(nearly|almost fainted at the dentist", "without its ')'")]
    [InlineData("nearly|almost fainted at the dentist", "outside '( )'")]
    [InlineData("fainted) at the dentist", "without its '('")]
    [InlineData("(nearly (very|)|almost) fainted at the dentist", "do not nest")]
    [InlineData("(nearly) fainted at the dentist", "without '|'")]
    [InlineData("(|)", "no words at all")]
    [InlineData("(a|b|c|d) (a|b|c|d) (a|b|c|d) (a|b|c|d) (a|b|c|d) (a|b|c|d) (a|b)", "more than 4096")]
    public void A_badly_written_alternative_in_safety_yaml_is_reported_with_its_line(string written, string problem)
    {
        var line = AddToReadAsNothing(written);

        var problems = Assert.Throws<ContentValidationException>(() => B12ContentLoader.Load(_folder)).Problems;

        var reported = Assert.Single(problems);
        Assert.Equal("safety.yaml", reported.File);
        Assert.Equal(line, reported.Line);
        Assert.Contains(problem, reported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_phrase_a_read_as_nothing_item_stands_for_is_read_as_nothing_and_the_same_sign_told_outside_it_still_fires()
    {
        const string Calm = "my throat closed up at the horror movie last night lol, anyway is b12 safe for teens?";
        Assert.Equal(TriageClass.Emergency, Screen(B12ContentLoader.Load(_folder), Calm));

        AddToReadAsNothing("my throat (closes|closed) up (at|during) (the|) (horror|scary) (film|films|movie|movies)");
        var content = B12ContentLoader.Load(_folder);

        Assert.Equal(TriageClass.None, Screen(content, Calm));
        Assert.Equal(TriageClass.None, Screen(content, "my throat closes up during scary films, is b12 safe for teens?"));
        Assert.Equal(TriageClass.Emergency, Screen(content, "my throat closed up at the horror movie and now my throat is closing up again since my b12 shot"));
    }

    private TriageClass Screen(B12Content content, string said) =>
        new SafetyTriage(content.Safety, fixture.Matcher.Analyzer.IsKnownWord).Screen(said).Class;

    /// <summary>Adds <paramref name="written"/> as the first item of read_as_nothing; returns its line.</summary>
    private int AddToReadAsNothing(string written)
    {
        var path = Path.Combine(_folder, "safety.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var at = lines.FindIndex(l => l.StartsWith("read_as_nothing: [", StringComparison.Ordinal));
        Assert.True(at >= 0, "read_as_nothing not found in safety.yaml");
        var rest = lines[at]["read_as_nothing: [".Length..];
        lines[at] = "read_as_nothing: [" + written + ",";
        lines.Insert(at + 1, "  " + rest);
        File.WriteAllLines(path, lines);
        return at + 1;
    }

    private static string CopyOfTheDialogs()
    {
        var folder = Path.Combine(Path.GetTempPath(), "b12-phrases-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
