using System.Globalization;
using BotRuntime.Schema;

namespace BotRuntime.Builder;

/// <summary>
/// The base of every adapter: runs middleware and the bot for one activity, one turn at a time per conversation,
/// and hands exceptions to <see cref="OnTurnError"/>.
/// </summary>
public abstract class BotAdapter
{
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    private readonly ConversationTurnLock _turnLock = new();

    public MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>Called with any exception from middleware or the bot. Without a handler the exception propagates.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    public virtual Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This adapter cannot update activities.");

    public virtual Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This adapter cannot delete activities.");

    /// <summary>Runs a proactive turn for an existing conversation (the callback sees a continueConversation event).</summary>
    public virtual async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        var activity = new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation" }.ApplyConversationReference(reference, isIncoming: true);
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs middleware and then the callback. Turns of one conversation never overlap in this process, so the state a
    /// turn loads is the state the previous turn saved.
    /// </summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var culture = TurnContext.TryGetCulture(activity.Locale);
        var previousCulture = CultureInfo.CurrentCulture;
        var previousUiCulture = CultureInfo.CurrentUICulture;

        using var turn = await _turnLock.EnterAsync(ConversationKey(activity), cancellationToken).ConfigureAwait(false);
        try
        {
            if (culture is not null)
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                turnContext.Locale = culture.Name;
            }

            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OnTurnError is not null && ex is not OperationCanceledException)
        {
            await OnTurnError(turnContext, ex).ConfigureAwait(false);
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    private static string ConversationKey(Activity activity) =>
        string.Concat(activity.ChannelId, "/", activity.Conversation?.Id);
}
