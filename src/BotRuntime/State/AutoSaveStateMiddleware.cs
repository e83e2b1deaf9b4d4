using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotRuntime.State;

/// <summary>
/// The one writer of bot state: saves the given states at the end of every turn (only those that changed), each with
/// the eTag it was read with. Replies are held back until the save has succeeded, so a turn whose save loses to another
/// instance (an eTag conflict) is run again on the fresh state before anything has left, up to
/// <see cref="AutoSaveOptions.MaxAttempts"/> times, and only then does the user get a short "please send that again".
/// A store that cannot be reached gets a short "try again in a moment". Neither ever resets the conversation.
/// </summary>
public sealed partial class AutoSaveStateMiddleware : IMiddleware
{
    private readonly AutoSaveOptions _options;
    private readonly ILogger _logger;

    public AutoSaveStateMiddleware(params BotState[] botStates)
        : this(botStates, new AutoSaveOptions(), NullLogger<AutoSaveStateMiddleware>.Instance)
    {
    }

    public AutoSaveStateMiddleware(IEnumerable<BotState> botStates, AutoSaveOptions options, ILogger<AutoSaveStateMiddleware> logger)
    {
        BotStates = [.. botStates ?? throw new ArgumentNullException(nameof(botStates))];
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (_options.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "AutoSaveOptions.MaxAttempts must be at least 1.");
        }
    }

    public IReadOnlyList<BotState> BotStates { get; }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var replies = new HeldReplies(turnContext as TurnContext);
        turnContext.OnSendActivities(replies.HandleAsync);

        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                replies.Discard();
                foreach (var state in BotStates)
                {
                    state.DiscardChanges(turnContext);
                }
            }

            try
            {
                await next(cancellationToken).ConfigureAwait(false);
                foreach (var state in BotStates)
                {
                    await state.SaveChangesAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                await replies.ReleaseAsync().ConfigureAwait(false);
                return;
            }
            catch (EtagConflictException)
            {
                LogConflict(_logger, turnContext.Activity.ChannelId, attempt, _options.MaxAttempts);
            }
            catch (StorageUnavailableException ex)
            {
                LogStoreUnavailable(_logger, turnContext.Activity.ChannelId, ex.Provider, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
                replies.Discard();
                await replies.SendNowAsync(turnContext, _options.StoreUnavailableMessage, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch
            {
                // A failure of the bot itself: what it said before failing goes out as it would have without holding,
                // and the error handler's apology after it.
                await replies.ReleaseAsync().ConfigureAwait(false);
                throw;
            }
        }

        replies.Discard();
        LogGaveUp(_logger, turnContext.Activity.ChannelId, _options.MaxAttempts);
        await replies.SendNowAsync(turnContext, _options.ConflictMessage, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "State conflict on channel {ChannelId}: another instance saved the conversation first; attempt {Attempt} of {MaxAttempts}")]
    private static partial void LogConflict(ILogger logger, string? channelId, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State conflict on channel {ChannelId} after {MaxAttempts} attempts: the user is asked to send the message again")]
    private static partial void LogGaveUp(ILogger logger, string? channelId, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State store {Provider} unavailable on channel {ChannelId} ({ErrorType}): the user is asked to try again in a moment")]
    private static partial void LogStoreUnavailable(ILogger logger, string? channelId, string provider, string errorType);

    /// <summary>The replies of one turn, held until its state is saved; after release (or a direct send) replies pass straight on.</summary>
    private sealed class HeldReplies(TurnContext? context)
    {
        private readonly List<(List<Activity> Activities, Func<Task<ResourceResponse[]>> Send)> _held = [];
        private bool _passThrough;

        public Task<ResourceResponse[]> HandleAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> send)
        {
            // Without the runtime's own turn context "responded" could not be kept right: send as before.
            if (_passThrough || context is null)
            {
                return send();
            }

            _held.Add((activities, send));
            if (activities.Exists(a => !a.IsType(ActivityTypes.Trace) && !a.IsType(ActivityTypes.InvokeResponse)))
            {
                context.SetResponded(true);
            }

            return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
        }

        public void Discard()
        {
            _held.Clear();
            context?.SetResponded(false);
        }

        public async Task ReleaseAsync()
        {
            _passThrough = true;
            foreach (var (_, send) in _held)
            {
                await send().ConfigureAwait(false);
            }

            _held.Clear();
        }

        public async Task SendNowAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
        {
            _passThrough = true;
            await turnContext.SendActivityAsync(text, inputHint: InputHints.ExpectingInput, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>How <see cref="AutoSaveStateMiddleware"/> handles a save that lost to another writer or a store that is down.</summary>
public sealed class AutoSaveOptions
{
    /// <summary>How many times a turn is run in all when its save keeps meeting a newer state (first run included).</summary>
    public int MaxAttempts { get; set; } = 3;

    public string ConflictMessage { get; set; } = "Sorry, I could not keep up with that. Please send it again.";

    public string StoreUnavailableMessage { get; set; } = "Sorry, I can't reach my memory right now. Please try again in a moment.";
}
