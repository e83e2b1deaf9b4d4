using B12Bot.Conversation.Tests.Support;
using Xunit.Abstractions;

namespace B12Bot.Conversation.Tests.Content;

/// <summary>
/// Every FAQ answer must read at about grade 6 to 8 (Flesch-Kincaid, Markdown stripped), the plain-language level a
/// clinic's patient material aims for. Print the figures with
/// <c>dotnet test tests/B12Bot.Conversation.Tests --filter Readability --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ReadabilityTests(ContentFixture fixture, ITestOutputHelper output) : IClassFixture<ContentFixture>
{
    private const double GradeCeiling = 8.0;
    private const double LowestAverage = 6.0;
    private const double HighestAverage = 8.0;

    /// <summary>
    /// Answers that may read above grade 8 because the words patients must recognise are long, with the reason.
    /// Keep this list short: everything else in the answer is already plain.
    /// </summary>
    private static readonly Dictionary<string, (double Ceiling, string Reason)> DocumentedCeilings = new(StringComparer.Ordinal)
    {
        ["forms"] = (10.0, "names the products patients see on their prescription: cyanocobalamin, hydroxocobalamin, methylcobalamin (6-7 syllables each)"),
    };

    public static TheoryData<string> EntryIds => [.. new ContentFixture().Content.Faq.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Answer_reads_at_grade_8_or_below_or_under_its_documented_ceiling(string id)
    {
        var grade = ReadabilityScore.Grade(fixture.Content.GetEntry(id).Answer);
        var ceiling = DocumentedCeilings.TryGetValue(id, out var documented) ? documented.Ceiling : GradeCeiling;

        Assert.True(grade <= ceiling, $"'{id}' reads at grade {grade:0.0}, above {ceiling:0.0}: use shorter sentences and shorter words");
    }

    [Fact]
    public void Answers_average_grade_6_to_8()
    {
        var grades = fixture.Content.Faq.Select(e => (e.Id, Grade: ReadabilityScore.Grade(e.Answer))).OrderByDescending(g => g.Grade).ToList();
        foreach (var (id, grade) in grades)
        {
            output.WriteLine($"{grade,5:0.0}  {id}");
        }

        var average = grades.Average(g => g.Grade);
        output.WriteLine($"average grade {average:0.00} over {grades.Count} answers");

        Assert.InRange(average, LowestAverage, HighestAverage);
    }

    [Fact]
    public void Documented_ceilings_name_entries_that_still_need_them()
    {
        foreach (var (id, (ceiling, reason)) in DocumentedCeilings)
        {
            var entry = fixture.Content.Faq.SingleOrDefault(e => e.Id == id);

            Assert.True(entry is not null, $"ceiling for '{id}', which is not an FAQ entry");
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.True(ReadabilityScore.Grade(entry.Answer) > GradeCeiling, $"'{id}' now reads at grade 8 or below: remove its ceiling");
            Assert.InRange(ceiling, GradeCeiling, 10.0);
        }
    }

    [Theory]
    [InlineData("shot", 1)]
    [InlineData("made", 1)]
    [InlineData("used", 1)]
    [InlineData("makes", 1)]
    [InlineData("needle", 2)]
    [InlineData("needed", 2)]
    [InlineData("doses", 2)]
    [InlineData("nurse", 1)]
    [InlineData("tablet", 2)]
    [InlineData("injection", 3)]
    [InlineData("vitamin", 3)]
    [InlineData("deficiency", 4)]
    [InlineData("hydroxocobalamin", 7)]
    [InlineData("B12", 2)]
    [InlineData("911", 3)]
    [InlineData("don't", 1)]
    public void Syllable_counter_counts_common_words_as_they_are_spoken(string word, int syllables)
    {
        Assert.Equal(syllables, ReadabilityScore.Syllables(word));
    }

    [Fact]
    public void Each_list_item_counts_as_a_sentence_and_markdown_is_not_read_as_words()
    {
        const string answer = "Common reasons include:\n- **diet**: eating vegan;\n- some medicines;\n- older age.\nAsk a clinician.";

        var text = ReadabilityScore.StripMarkdown(answer);

        Assert.Equal(5, ReadabilityScore.CountSentences(text));
        Assert.Equal(["Common", "reasons", "include:", "diet:", "eating", "vegan;", "some", "medicines;", "older", "age.", "Ask", "a", "clinician."],
            ReadabilityScore.Words(text));
    }

    [Fact]
    public void Grade_follows_the_flesch_kincaid_formula()
    {
        // 6 one-syllable words in one sentence: 0.39 * 6 + 11.8 * 1 - 15.59.
        Assert.Equal(-1.45, ReadabilityScore.Grade("The cat sat on the mat."), 2);
    }

    [Fact]
    public void Long_sentences_of_long_words_score_far_above_short_plain_ones()
    {
        var plain = ReadabilityScore.Grade("Most people feel a quick pinch. It is over in seconds. The arm may be sore for a day.");
        var dense = ReadabilityScore.Grade("Intramuscular administration of hydroxocobalamin necessitates meticulous aseptic technique, "
                                           + "particularly in immunocompromised individuals receiving concomitant anticoagulation therapy.");

        Assert.InRange(plain, -3, 4);
        Assert.True(dense > 20, $"dense text scored {dense:0.0}");
    }
}
