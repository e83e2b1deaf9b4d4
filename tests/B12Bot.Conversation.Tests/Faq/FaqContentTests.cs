using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>Checks on the shipped FAQ itself: answers a visitor can read, and entries the matcher can find.</summary>
public sealed class FaqContentTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    public static TheoryData<string> EntryIds =>
        [.. new ContentFixture().Content.Faq.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Answer_is_40_to_90_words(string id)
    {
        var answer = fixture.Content.GetEntry(id).Answer;
        var words = answer.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

        Assert.InRange(words, 40, 90);
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Each_phrasing_of_an_entry_finds_that_entry_even_when_reworded_slightly(string id)
    {
        var entry = fixture.Content.GetEntry(id);
        foreach (var question in entry.Questions)
        {
            // A filler word behind defeats the exact-phrase shortcut, so the scorer itself must find the entry.
            var match = fixture.Match(question.ToUpperInvariant() + " though??");

            Assert.True(match.Kind == FaqMatchKind.Answer && match.Entry!.Id == id, $"\"{question}\" -> {match}");
        }
    }

    /// <summary>A patient's story with the question at the end, one of the entry's examples, gets that entry's answer.</summary>
    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Each_story_example_of_an_entry_finds_that_entry(string id)
    {
        foreach (var story in fixture.Content.GetEntry(id).Examples)
        {
            var match = fixture.Match(story + " thanks");

            Assert.True(match.Kind == FaqMatchKind.Answer && match.Entry!.Id == id, $"\"{story}\" -> {match}");
        }
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Title_sent_back_by_a_button_answers_that_entry(string id)
    {
        var match = fixture.Match(fixture.Content.GetEntry(id).Title);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(id, match.Entry!.Id);
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Answer_is_plain_markdown_without_raw_html(string id)
    {
        var answer = fixture.Content.GetEntry(id).Answer;

        Assert.DoesNotContain("<", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("{", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_that_mention_an_emergency_give_the_configured_number()
    {
        foreach (var entry in fixture.Content.Faq.Where(e => e.Answer.Contains("call", StringComparison.OrdinalIgnoreCase)
                                                             && e.Answer.Contains("breathing", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.Contains("911", entry.Answer, StringComparison.Ordinal);
        }

        Assert.Contains("call 911", fixture.Content.GetEntry("allergic_reaction").Answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Mic_answer_explains_the_lipotropic_meaning_and_the_missing_evidence()
    {
        var answer = fixture.Content.GetEntry("mic_shots").Answer;

        Assert.Contains("methionine, inositol and choline", answer, StringComparison.Ordinal);
        Assert.Contains("no good evidence", answer, StringComparison.Ordinal);
        Assert.Contains("compounded", answer, StringComparison.Ordinal);
    }
}
