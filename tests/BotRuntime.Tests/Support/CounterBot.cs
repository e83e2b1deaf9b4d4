using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.State;

namespace BotRuntime.Tests.Support;

/// <summary>A bot whose every message increments a counter in conversation state and replies with it.</summary>
public sealed class CounterBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<CounterState> _counter = conversationState.CreateProperty<CounterState>("counter");

    public static int InvokeStatus { get; set; } = 200;

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Text == "throw")
        {
            throw new InvalidOperationException("boom");
        }

        var state = await _counter.GetAsync(turnContext, () => new CounterState(), cancellationToken);
        state.Count++;
        // Yield so that overlapping turns, if they were allowed, would interleave between read and write; "slow" turns
        // take long enough that turns of one conversation on two hosts overlap for sure.
        if (turnContext.Activity.Text?.StartsWith("slow", StringComparison.Ordinal) == true)
        {
            await Task.Delay(50, cancellationToken);
        }
        else
        {
            await Task.Yield();
        }
        await turnContext.SendActivityAsync($"count {state.Count}", cancellationToken: cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync("welcome", cancellationToken: cancellationToken);
            }
        }
    }

    protected override Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Name == "test/echo"
            ? Task.FromResult<InvokeResponse?>(new InvokeResponse { Status = 200, Body = turnContext.Activity.Value })
            : base.OnInvokeActivityAsync(turnContext, cancellationToken);
}

public sealed class CounterState
{
    public int Count { get; set; }
}
