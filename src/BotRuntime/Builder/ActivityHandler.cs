using System.Text.Json;
using BotRuntime.Schema;

namespace BotRuntime.Builder;

/// <summary>
/// Dispatches an incoming activity by type to an overridable method, as the SDK's ActivityHandler does.
/// Unknown activity types are ignored.
/// </summary>
public class ActivityHandler : IBot
{
    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Event:
                await OnEventActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Invoke:
                var invokeResponse = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                if (invokeResponse is not null && turnContext.TurnState.Get<Activity>(BotAdapter.InvokeResponseKey) is null)
                {
                    await turnContext.SendActivityAsync(CreateInvokeResponseActivity(invokeResponse), cancellationToken).ConfigureAwait(false);
                }

                break;
            case ActivityTypes.MessageReaction:
                await OnMessageReactionActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.EndOfConversation:
                await OnEndOfConversationActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Typing:
                await OnTypingActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.MembersAdded is { Count: > 0 } added && added.Exists(m => m.Id != activity.Recipient?.Id))
        {
            return OnMembersAddedAsync(added, turnContext, cancellationToken);
        }

        if (activity.MembersRemoved is { Count: > 0 } removed && removed.Exists(m => m.Id != activity.Recipient?.Id))
        {
            return OnMembersRemovedAsync(removed, turnContext, cancellationToken);
        }

        return Task.CompletedTask;
    }

    protected virtual Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => OnEventAsync(turnContext, cancellationToken);

    protected virtual Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Answer an invoke. The default, for names this handler does not know, is 501 Not Implemented.</summary>
    protected virtual Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult<InvokeResponse?>(new InvokeResponse { Status = 501 });

    protected virtual Task OnMessageReactionActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    public static Activity CreateInvokeResponseActivity(InvokeResponse response) => new()
    {
        Type = ActivityTypes.InvokeResponse,
        Value = JsonSerializer.SerializeToElement(response, BotJsonContext.Default.InvokeResponse),
    };
}
