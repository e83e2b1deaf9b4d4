using B12Bot.Conversation.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Tests.Dialogs;

/// <summary>Transcripts of the bot outside the walkthrough: welcome, FAQ answers, ambiguity, scope, small talk.</summary>
public sealed class WelcomeAndFaqTranscriptTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    private string Title(string id) => fixture.Content.GetEntry(id).Title;

    [Fact]
    public async Task Welcome_is_sent_once_per_conversation_with_topics_and_the_symptom_check()
    {
        var chat = new BotConversation(fixture);

        await chat.Flow()
            .SendConversationUpdate()
            .AssertReply(reply =>
            {
                Assert.Equal(fixture.Content.Messages.Welcome, reply.Text);
                Assert.Contains("automated", reply.Text, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("not medical advice", reply.Text, StringComparison.Ordinal);
                var quick = BotConversation.QuickReplies(reply);
                Assert.Contains(Title("safety"), quick);
                Assert.Contains(Title("side_effects"), quick);
                Assert.Contains("Check my symptoms", quick);
                Assert.All(reply.SuggestedActions!.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
                Assert.NotEqual(ActivityImportance.High, reply.Importance);
            })
            .SendConversationUpdate()
            .AssertNoReply("a second conversationUpdate in the same conversation is not welcomed again")
            .StartTestAsync();
    }

    [Fact]
    public async Task Several_members_joining_a_group_get_one_welcome()
    {
        var chat = new BotConversation(fixture);

        var first = await chat.MembersAddedAsync("alice", "bob", "carol");
        var later = await chat.MembersAddedAsync("dave");

        Assert.Single(first);
        Assert.Empty(later);
    }

    [Fact]
    public async Task Faq_question_gets_the_reviewed_answer_with_follow_up_quick_replies()
    {
        var chat = new BotConversation(fixture);
        var safety = fixture.Content.GetEntry("safety");

        await chat.Flow()
            .Send("are b-12 shots bad for you?")
            .AssertReply(reply =>
            {
                Assert.Equal(safety.Answer, reply.Text);
                Assert.Equal(TextFormatTypes.Markdown, reply.TextFormat);
                Assert.Equal([.. safety.FollowUps.Select(Title), "Check my symptoms"], BotConversation.QuickReplies(reply));
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Two_questions_in_one_message_get_both_answers()
    {
        var chat = new BotConversation(fixture);
        var safety = fixture.Content.GetEntry("safety");
        var schedule = fixture.Content.GetEntry("schedule_monitoring");

        var replies = await chat.SayAsync("are b12 shots safe and how often do i need them");

        Assert.Equal(2, replies.Count);
        Assert.Equal(new[] { safety.Answer, schedule.Answer }.Order(StringComparer.Ordinal), replies.Select(r => r.Text!).Order(StringComparer.Ordinal));
        Assert.Contains("Check my symptoms", BotConversation.QuickReplies(replies[^1]));
    }

    [Fact]
    public async Task Clicking_a_follow_up_answers_that_topic()
    {
        var chat = new BotConversation(fixture);
        var first = Assert.Single(await chat.SayAsync("what are the side effects of b12 injections"));
        var followUp = BotConversation.QuickReplies(first)[0];

        var reply = Assert.Single(await chat.SayAsync(followUp));

        Assert.Equal(fixture.Content.Faq.Single(e => e.Title == followUp).Answer, reply.Text);
    }

    [Fact]
    public async Task An_unclear_b12_question_gets_the_general_answer_or_asks_again_never_a_loose_did_you_mean()
    {
        // Changed with understanding v2: no "did you mean" list of loosely related topics for a vague question.
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync("info on b12"));

        Assert.DoesNotContain(fixture.Content.Messages.NotSure, reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Text, new[] { fixture.Content.Messages.Fallback, fixture.Content.GetEntry("what_b12_does").Answer });
        Assert.NotEmpty(BotConversation.QuickReplies(reply));
    }

    [Theory]
    [InlineData("what time is it in tokyo")]
    [InlineData("recommend a good movie")]
    public async Task Out_of_scope_gets_the_scope_statement_not_an_answer(string text)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(text));

        Assert.Equal(fixture.Content.Messages.OutOfScope, reply.Text);
        Assert.DoesNotContain(fixture.Content.Faq, e => reply.Text!.Contains(e.Answer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hi", "greeting")]
    [InlineData("thank you", "thanks")]
    [InlineData("bye!", "goodbye")]
    // A topic word inside a goodbye ("soon") asks nothing; "goodnight" is "good night" spelled out.
    [InlineData("goodnight and thanks, chat soon", "goodbye")]
    [InlineData("goodnight, see you soon", "goodbye")]
    public async Task Small_talk_gets_a_friendly_content_reply(string text, string intent)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(text));

        Assert.Equal(fixture.Content.Messages.SmallTalk.Single(s => s.Id == intent).Reply, reply.Text);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("back")]
    [InlineData("help")]
    [InlineData("restart")]
    public async Task Commands_outside_the_walkthrough_get_a_helpful_reply(string command)
    {
        var chat = new BotConversation(fixture);
        var messages = fixture.Content.Messages;

        var reply = Assert.Single(await chat.SayAsync(command));

        Assert.Contains(reply.Text, new[] { messages.NothingToCancel, messages.NothingToGoBackTo, messages.Help, messages.Restarted });
        Assert.Contains("Check my symptoms", BotConversation.QuickReplies(reply));
    }

    [Theory]
    // fresh-understanding-28: said with no check running, the quiz it names was started
    [InlineData("I don't want to do the quiz anymore")]
    [InlineData("i dont want to do the questionnaire")]
    public async Task Refusing_the_quiz_outside_it_does_not_start_it(string said)
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(said));

        Assert.Equal(fixture.Content.Messages.NothingToCancel, reply.Text);
    }

    [Fact]
    public async Task Message_without_text_asks_for_text()
    {
        var chat = new BotConversation(fixture);
        var picture = chat.Adapter.MakeActivity();
        picture.Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "https://example.invalid/a.png" }];

        var reply = Assert.Single(await chat.SendAsync(picture));

        Assert.Equal(fixture.Content.Messages.NonText, reply.Text);
    }

    [Fact]
    public async Task Very_long_message_is_asked_to_be_shorter()
    {
        var chat = new BotConversation(fixture);

        var reply = Assert.Single(await chat.SayAsync(string.Concat(Enumerable.Repeat("tell me about b12 please. ", 100))));

        Assert.Equal(fixture.Content.Messages.TooLong, reply.Text);
    }

    [Theory]
    [InlineData("<script>alert(1)</script> are b12 shots safe?")]
    [InlineData("**bold** [link](javascript:alert(1)) what time is it")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public async Task User_text_is_never_echoed_back(string text)
    {
        var chat = new BotConversation(fixture);

        var replies = await chat.SayAsync(text);

        Assert.NotEmpty(replies);
        Assert.All(replies, reply =>
        {
            Assert.DoesNotContain("<script", reply.Text ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", reply.Text ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", reply.Text ?? "", StringComparison.OrdinalIgnoreCase);
        });
    }
}
