using System.Text.Json;
using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.State;

namespace BotRuntime.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// Runs a root dialog for one turn: continues it when it is on the stack, begins it when the stack is empty.
    /// Does not save state: save the ConversationState after the turn (AutoSaveStateMiddleware or the bot does).
    /// An exception is offered to the dialogs as the <c>error</c> event; unhandled, it goes on to OnTurnError.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        var dialogSet = new DialogSet(accessor);
        dialogSet.Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);

        DialogTurnResult result;
        try
        {
            result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            if (result.Status == DialogTurnStatus.Empty)
            {
                result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!await dc.EmitEventAsync(DialogEvents.Error, ex, bubble: true, fromLeaf: true, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            result = new DialogTurnResult(DialogTurnStatus.Waiting);
        }

        await SendStateSnapshotTraceAsync(dc, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// The SDK's "BotState" trace. Only the Emulator shows traces, so it is only built there: serializing the stack on
    /// every turn elsewhere would be work nobody sees.
    /// </summary>
    private static Task SendStateSnapshotTraceAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!string.Equals(dc.Context.Activity.ChannelId, Channels.Emulator, StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        var snapshot = JsonSerializer.SerializeToElement(new DialogState(dc.Stack), BotState.JsonOf(dc.Context).Options);
        var trace = Activity.CreateTraceActivity("BotState", "https://www.botframework.com/schemas/botState", snapshot, "Bot State");
        return dc.Context.SendActivityAsync(trace, cancellationToken);
    }
}
