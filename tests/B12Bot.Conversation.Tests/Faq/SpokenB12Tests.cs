using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 34's first look (fresh-understanding-146, messages dictated by voice): 20 of 138 FAQ questions had the scope
/// statement, every one of them with B12 written the way speech-to-text writes it ("be twelve shots", "b twelve shuts"):
/// the word lists knew some of those spellings, the sentence-embedding model none, and its reading decided.
/// </summary>
public sealed class SpokenB12Tests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // each had the scope statement on c167f92
    [InlineData("so um what is vitamin be twelve actually for in the body", "what_b12_does")]
    [InlineData("how many days till the be twelve shuts kick in", "how_quickly")]
    [InlineData("which foods are high in be twelve", "diet_sources")]
    [InlineData("can my acid tablets lower my be twelve", "medications")]
    [InlineData("whats the difference between the kinds of be twelve", "forms")]
    // already right on c167f92 (the word lists knew "b twelve"), and right still
    [InlineData("does omeprazole mess with b twelve", "medications")]
    [InlineData("can you get be twelve shots while pregnant", "pregnancy")]
    public void Questions_with_b12_as_voice_typing_writes_it_get_their_answers(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }

    [Fact]
    public async Task A_dictated_question_gets_the_reviewed_answer_in_the_conversation()
    {
        var chat = new BotConversation(fixture);
        var safety = fixture.Content.GetEntry("safety");

        // the scope statement on c167f92
        await chat.Flow()
            .Send("r bee twelve shuts safe for old people")
            .AssertReply(reply => Assert.Equal(safety.Answer, reply.Text))
            .StartTestAsync();
    }

    [Fact]
    public void An_age_said_with_be_twelve_is_not_read_as_b12()
    {
        // "be twelve" after "will" is the verb: the question is the children's one either way, and no word is lost
        var match = fixture.Match("my daughter will be twelve soon, can children her age have b12 injections");

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal("children", match.Entry?.Id);
    }
}
