using B12Bot.Conversation.Content;
using BotRuntime.Builder;

namespace B12Bot.Conversation.Bots;

/// <summary>
/// The bot the adapter runs: the <see cref="B12DialogBot"/> of this turn's content snapshot, so an edit of dialogs/
/// reaches the next turn without a restart and never changes a turn in flight.
/// </summary>
public sealed class CurrentContentBot(B12ContentSource source) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        source.For(turnContext).Bot.OnTurnAsync(turnContext, cancellationToken);
}
