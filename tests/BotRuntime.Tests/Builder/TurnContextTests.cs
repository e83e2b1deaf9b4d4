using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Testing;

namespace BotRuntime.Tests.Builder;

public sealed class TurnContextTests
{
    private static (TestAdapter Adapter, TurnContext Context) Create(Action<Activity>? shape = null)
    {
        var adapter = new TestAdapter();
        var activity = adapter.MakeActivity("hi");
        activity.Id = "in-1";
        shape?.Invoke(activity);
        return (adapter, new TurnContext(adapter, activity));
    }

    [Fact]
    public async Task Replies_are_addressed_back_to_the_sender_as_replies()
    {
        var (adapter, context) = Create();

        await context.SendActivityAsync("one");
        await context.SendActivitiesAsync([Activity.CreateMessageActivity("two"), Activity.CreateMessageActivity("three")]);

        var replies = new[] { adapter.GetNextReply()!, adapter.GetNextReply()!, adapter.GetNextReply()! };
        Assert.Equal(["one", "two", "three"], replies.Select(r => r.Text));
        Assert.All(replies, r =>
        {
            Assert.Equal("bot", r.From!.Id);
            Assert.Equal("user1", r.Recipient!.Id);
            Assert.Equal("in-1", r.ReplyToId);
            Assert.Equal(InputHints.AcceptingInput, r.InputHint);
        });
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task Send_hooks_run_in_order_and_can_change_or_swallow_activities()
    {
        var (adapter, context) = Create();
        var order = new List<string>();
        context.OnSendActivities(async (ctx, activities, next) =>
        {
            order.Add("first");
            activities.ForEach(a => a.Text = a.Text?.ToUpperInvariant());
            return await next();
        });
        context.OnSendActivities(async (ctx, activities, next) =>
        {
            order.Add("second");
            activities.RemoveAll(a => a.Text == "SECRET");
            return await next();
        });

        await context.SendActivitiesAsync([Activity.CreateMessageActivity("hello"), Activity.CreateMessageActivity("secret")]);

        Assert.Equal(["first", "second"], order);
        Assert.Equal("HELLO", adapter.GetNextReply()!.Text);
        Assert.Null(adapter.GetNextReply());
    }

    [Fact]
    public async Task Traces_do_not_count_as_a_response()
    {
        var (_, context) = Create();

        await context.SendActivityAsync(Activity.CreateTraceActivity("debug"));

        Assert.False(context.Responded);
    }

    [Fact]
    public async Task Expect_replies_buffers_instead_of_sending()
    {
        var (adapter, context) = Create(a => a.DeliveryMode = DeliveryModes.ExpectReplies);

        await context.SendActivityAsync("buffered");

        Assert.Null(adapter.GetNextReply());
        Assert.Equal("buffered", Assert.Single(context.BufferedReplyActivities).Text);
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task The_per_turn_bag_holds_services_by_type_and_name()
    {
        var (_, context) = Create();
        context.TurnState.Set(new List<string> { "x" });
        context.TurnState.Set("named", "value");

        Assert.Equal(["x"], context.TurnState.Get<List<string>>()!);
        Assert.Equal("value", context.TurnState.Get<string>("named"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_turn_runs_in_the_culture_of_the_activity_locale()
    {
        var adapter = new TestAdapter();
        string? seen = null;
        var activity = adapter.MakeActivity("hola");
        activity.Locale = "es-ES";

        await adapter.ProcessActivityAsync(activity, (ctx, ct) =>
        {
            seen = $"{System.Globalization.CultureInfo.CurrentCulture.Name}|{ctx.Locale}";
            return Task.CompletedTask;
        });

        Assert.Equal("es-ES|es-ES", seen);
    }

    [Fact]
    public async Task An_unknown_locale_is_ignored_rather_than_failing_the_turn()
    {
        var adapter = new TestAdapter();
        var ran = false;
        var activity = adapter.MakeActivity("hi");
        activity.Locale = "xx-NOT-A-LOCALE-\u0000";

        await adapter.ProcessActivityAsync(activity, (ctx, ct) =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
    }
}
