using System.Net;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>
/// A post goes to a conversation this instance already knows without looking it up again; whether the conversation is
/// still live is the store's answer when the post is stored. These show that a conversation gone idle since is refused
/// all the same, before the bot runs, on every kind of post.
/// </summary>
public sealed class IdleConversationTests
{
    [Theory]
    [InlineData("message")]
    [InlineData("typing")]
    public async Task A_post_to_a_conversation_that_went_idle_after_the_visitors_last_message_gets_404_and_the_bot_never_sees_it(string type)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:History:ConversationIdleTimeout"] = "00:02:00" }, time);
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(conversation, "first")).Status);

        time.Advance(TimeSpan.FromMinutes(3));
        var body = type == "typing" ? """{"type":"typing","from":{"id":"u"}}""" : DirectLineTestClient.Message("after the break", "late-1");
        var late = await client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation.Token, body);

        Assert.Equal((HttpStatusCode.NotFound, "BadConversation"), (late.Status, late.ErrorCode));
        Assert.DoesNotContain(host.Bot.Received, a => a.Text == "after the break" || a.Type == "typing");
    }

    [Fact]
    public async Task A_visitor_who_keeps_talking_is_never_taken_for_idle()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:History:ConversationIdleTimeout"] = "00:02:00" }, time);
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();

        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1.5));
            Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(conversation, "still here " + i, "c-" + i)).Status);
        }

        Assert.Contains("You said: still here 3", ActivityTests.Texts(await client.GetActivitiesAsync(conversation)));
    }
}
