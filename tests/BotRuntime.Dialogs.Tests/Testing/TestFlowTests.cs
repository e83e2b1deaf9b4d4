using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Testing;

namespace BotRuntime.Dialogs.Tests.Testing;

public sealed class TestFlowTests
{
    private static Task Echo(ITurnContext turn, CancellationToken ct) =>
        turn.Activity.IsType(ActivityTypes.Message)
            ? turn.SendActivityAsync($"You said: {turn.Activity.Text}", cancellationToken: ct)
            : Task.CompletedTask;

    [Fact]
    public async Task Echo_bot_replies_turn_by_turn()
    {
        await new TestFlow(new TestAdapter(), Echo)
            .Test("hello", "You said: hello")
            .Send("again")
            .AssertReply("You said: again")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Wrong_reply_fails_the_flow_with_the_text_it_saw()
    {
        var flow = new TestFlow(new TestAdapter(), Echo).Test("hello", "Goodbye");

        var failure = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());
        Assert.Contains("You said: hello", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_reply_fails_the_flow()
    {
        var flow = new TestFlow(new TestAdapter(), (_, _) => Task.CompletedTask).Send("hello").AssertReply("anything", timeout: 50);

        await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());
    }

    [Fact]
    public async Task Unexpected_reply_fails_assert_no_reply()
    {
        var flow = new TestFlow(new TestAdapter(), Echo).Send("hello").AssertNoReply();

        await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());
    }

    [Fact]
    public async Task Replies_are_addressed_to_the_user_with_id_timestamp_and_default_identities()
    {
        var adapter = new TestAdapter();
        Activity? incoming = null;
        await new TestFlow(adapter, (turn, ct) =>
            {
                incoming = turn.Activity;
                return turn.SendActivityAsync("hi", cancellationToken: ct);
            })
            .Send("hello")
            .AssertReply(reply =>
            {
                Assert.False(string.IsNullOrEmpty(reply.Id));
                Assert.NotNull(reply.Timestamp);
                Assert.Equal("bot", reply.From?.Id);
                Assert.Equal("user1", reply.Recipient?.Id);
                Assert.Equal("convo1", reply.Conversation?.Id);
                Assert.Equal("test", reply.ChannelId);
                Assert.Equal(incoming!.Id, reply.ReplyToId);
            })
            .StartTestAsync();

        Assert.Equal("User1", incoming!.From?.Name);
        Assert.Equal("Bot", incoming.Recipient?.Name);
        Assert.Equal("en-us", incoming.Locale);
    }

    [Fact]
    public async Task Trace_activities_are_dropped_unless_enabled()
    {
        static Task SendTrace(ITurnContext turn, CancellationToken ct) =>
            turn.SendActivitiesAsync([Activity.CreateTraceActivity("debug"), Activity.CreateMessageActivity("visible")], ct);

        await new TestFlow(new TestAdapter(), SendTrace).Test("go", "visible").AssertNoReply().StartTestAsync();
        await new TestFlow(new TestAdapter(sendTraceActivity: true), SendTrace)
            .Send("go")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Trace, reply.Type))
            .AssertReply("visible")
            .StartTestAsync();
    }

    [Fact]
    public async Task Conversation_update_announces_the_user()
    {
        await new TestFlow(new TestAdapter(), (turn, ct) =>
                turn.Activity.IsType(ActivityTypes.ConversationUpdate)
                    ? turn.SendActivityAsync($"Welcome {turn.Activity.MembersAdded![0].Name}", cancellationToken: ct)
                    : Task.CompletedTask)
            .SendConversationUpdate()
            .AssertReply("Welcome User1")
            .StartTestAsync();
    }

    [Fact]
    public async Task Reply_one_of_and_contains_match_partial_expectations()
    {
        await new TestFlow(new TestAdapter(), Echo)
            .Send("x")
            .AssertReplyOneOf(["nope", "You said: x"])
            .Send("something long")
            .AssertReplyContains("long")
            .StartTestAsync();
    }

    [Fact]
    public async Task Middleware_runs_in_registration_order_around_the_bot()
    {
        var order = new List<string>();
        var adapter = new TestAdapter()
            .Use(new AnonymousMiddleware(async (turn, next, ct) =>
            {
                order.Add("first in");
                await next(ct);
                order.Add("first out");
            }))
            .Use(new AnonymousMiddleware(async (turn, next, ct) =>
            {
                order.Add("second in");
                await next(ct);
                order.Add("second out");
            }));

        await new TestFlow(adapter, (turn, ct) =>
            {
                order.Add("bot");
                return Echo(turn, ct);
            })
            .Test("hi", "You said: hi")
            .StartTestAsync();

        Assert.Equal(["first in", "second in", "bot", "second out", "first out"], order);
    }

    [Fact]
    public async Task Middleware_that_does_not_call_next_short_circuits_the_turn()
    {
        var botRan = false;
        var adapter = new TestAdapter()
            .Use(new AnonymousMiddleware((turn, next, ct) =>
                turn.Activity.Text == "blocked" ? turn.SendActivityAsync("Stopped here.", cancellationToken: ct) : next(ct)));

        await new TestFlow(adapter, (turn, ct) =>
            {
                botRan = true;
                return Echo(turn, ct);
            })
            .Test("blocked", "Stopped here.")
            .AssertNoReply()
            .StartTestAsync();

        Assert.False(botRan);
    }

    [Fact]
    public async Task On_turn_error_gets_the_exception_and_its_replies_reach_the_user()
    {
        Exception? seen = null;
        var adapter = new TestAdapter
        {
            OnTurnError = async (turn, exception) =>
            {
                seen = exception;
                await turn.SendActivityAsync("The bot encountered an error or bug.");
            },
        };

        await new TestFlow(adapter, (_, _) => throw new InvalidOperationException("boom"))
            .Test("hi", "The bot encountered an error or bug.")
            .Test("again", "The bot encountered an error or bug.")
            .StartTestAsync();

        Assert.IsType<InvalidOperationException>(seen);
        Assert.Equal("boom", seen!.Message);
    }

    [Fact]
    public async Task Exception_in_middleware_also_reaches_on_turn_error()
    {
        var adapter = new TestAdapter { OnTurnError = (turn, exception) => turn.SendActivityAsync($"error: {exception.Message}") }
            .Use(new AnonymousMiddleware((_, _, _) => throw new InvalidOperationException("middleware failed")));

        await new TestFlow(adapter, Echo).Test("hi", "error: middleware failed").StartTestAsync();
    }

    [Fact]
    public async Task Without_on_turn_error_the_exception_surfaces_to_the_test()
    {
        var flow = new TestFlow(new TestAdapter(), (_, _) => throw new InvalidOperationException("boom")).Send("hi");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => flow.StartTestAsync());
        Assert.Equal("boom", thrown.Message);
    }

    [Fact]
    public async Task Updates_and_deletes_change_the_queued_replies()
    {
        var adapter = new TestAdapter();
        await adapter.SendTextToBotAsync("go", async (turn, ct) =>
        {
            var first = await turn.SendActivityAsync("draft", cancellationToken: ct);
            var second = await turn.SendActivityAsync("to delete", cancellationToken: ct);
            var update = Activity.CreateMessageActivity("final");
            update.Id = first!.Id;
            await turn.UpdateActivityAsync(update, ct);
            await turn.DeleteActivityAsync(second!.Id!, ct);
        });

        Assert.Equal("final", adapter.GetNextReply()?.Text);
        Assert.Null(adapter.GetNextReply());
    }
}
