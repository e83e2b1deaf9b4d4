using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Testing;

namespace BotRuntime.Tests.Builder;

public sealed class ActivityHandlerTests
{
    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("message");
            return Task.CompletedTask;
        }

        protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("membersAdded:" + string.Join(",", membersAdded.Select(m => m.Id)));
            return Task.CompletedTask;
        }

        protected override Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("event:" + turnContext.Activity.Name);
            return Task.CompletedTask;
        }

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("unrecognized");
            return Task.CompletedTask;
        }
    }

    private static async Task<(RecordingHandler Handler, TestAdapter Adapter, TurnContext Context)> RunAsync(Action<Activity> shape)
    {
        var adapter = new TestAdapter();
        var activity = adapter.MakeActivity("hi");
        shape(activity);
        var handler = new RecordingHandler();
        var context = new TurnContext(adapter, activity);
        await handler.OnTurnAsync(context);
        return (handler, adapter, context);
    }

    [Fact]
    public async Task Messages_events_and_member_additions_reach_their_methods()
    {
        Assert.Equal(["message"], (await RunAsync(_ => { })).Handler.Calls);
        Assert.Equal(["event:ping"], (await RunAsync(a => { a.Type = ActivityTypes.Event; a.Name = "ping"; })).Handler.Calls);

        var added = await RunAsync(a =>
        {
            a.Type = ActivityTypes.ConversationUpdate;
            a.MembersAdded = [new ChannelAccount("bot"), new ChannelAccount("user1")];
        });
        Assert.Equal(["membersAdded:bot,user1"], added.Handler.Calls);
    }

    [Fact]
    public async Task Only_the_bot_joining_is_not_a_members_added_call()
    {
        var result = await RunAsync(a =>
        {
            a.Type = ActivityTypes.ConversationUpdate;
            a.MembersAdded = [new ChannelAccount("bot")];
        });

        Assert.Empty(result.Handler.Calls);
    }

    [Fact]
    public async Task Unknown_types_go_to_the_unrecognized_hook_and_nothing_is_sent()
    {
        var result = await RunAsync(a => a.Type = "hologram");

        Assert.Equal(["unrecognized"], result.Handler.Calls);
        Assert.Null(result.Adapter.GetNextReply());
    }

    [Fact]
    public async Task An_unhandled_invoke_leaves_a_501_invoke_response()
    {
        var result = await RunAsync(a => { a.Type = ActivityTypes.Invoke; a.Name = "task/fetch"; });

        var invokeResponse = result.Context.TurnState.Get<Activity>(BotAdapter.InvokeResponseKey);
        Assert.NotNull(invokeResponse);
        Assert.Equal(501, invokeResponse.Value!.Value.GetProperty("status").GetInt32());
        Assert.Null(result.Adapter.GetNextReply());
    }
}
