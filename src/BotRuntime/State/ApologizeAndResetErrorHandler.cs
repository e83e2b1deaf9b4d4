using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Storage;
using Microsoft.Extensions.Logging;

namespace BotRuntime.State;

/// <summary>
/// The template error handler: log the failure (never the message text), send the user a short apology, and clear the
/// conversation's state so a broken dialog stack cannot fail the same way on every following turn. It lives with the
/// state it resets, so the turn plumbing (Builder) does not depend on state.
/// </summary>
public sealed partial class ApologizeAndResetErrorHandler(
    ILogger<ApologizeAndResetErrorHandler> logger,
    ConversationState conversationState,
    string apology = "Sorry, something went wrong on my side. Please try again.") : ITurnErrorHandler
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        LogTurnError(turnContext.Activity.ChannelId, turnContext.Activity.Type, ExceptionLogText.TypeAndStack(exception));

        try
        {
            await turnContext.SendActivityAsync(apology, inputHint: InputHints.ExpectingInput).ConfigureAwait(false);
        }
        catch (Exception sendError)
        {
            LogApologyFailed(sendError.GetType().Name);
        }

        // A lost race with another instance or a store that is down says nothing about the conversation: keep it.
        if (exception is EtagConflictException or StorageUnavailableException)
        {
            return;
        }

        try
        {
            await conversationState.DeleteAsync(turnContext).ConfigureAwait(false);
        }
        catch (Exception deleteError)
        {
            LogResetFailed(deleteError.GetType().Name);
        }

        if (turnContext.Activity.ChannelId == Channels.Emulator)
        {
            var trace = Activity.CreateTraceActivity("OnTurnError Trace", "https://www.botframework.com/schemas/error", label: "TurnError");
            trace.Value = System.Text.Json.JsonSerializer.SerializeToElement(exception.GetType().Name, BotJsonContext.Default.String);
            await turnContext.SendActivityAsync(trace).ConfigureAwait(false);
        }
    }

    // The exception is logged for its type and stack only: exception messages can quote user input, and handing the
    // exception itself to the logger would print them (Exception.ToString), so it is never passed.
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in a turn on channel {ChannelId} ({ActivityType}): {TypeAndStack}")]
    private partial void LogTurnError(string? channelId, string? activityType, string typeAndStack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the error apology ({ErrorType})")]
    private partial void LogApologyFailed(string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reset conversation state after an error ({ErrorType})")]
    private partial void LogResetFailed(string errorType);
}
