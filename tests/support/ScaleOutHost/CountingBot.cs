using BotRuntime.Builder;
using BotRuntime.State;

namespace ScaleOutHost;

/// <summary>Every message adds one to the conversation's counter and replies with it: each turn's effect can be counted.</summary>
public sealed class CountingBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<Counter> _counter = conversationState.CreateProperty<Counter>("counter");

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var counter = await _counter.GetAsync(turnContext, () => new Counter(), cancellationToken);
        counter.Count++;
        // A turn takes a little while, as a real one does, so turns of one conversation on two instances overlap.
        await Task.Delay(20, cancellationToken);
        await turnContext.SendActivityAsync($"count {counter.Count}", cancellationToken: cancellationToken);
    }
}

public sealed class Counter
{
    public int Count { get; set; }
}
