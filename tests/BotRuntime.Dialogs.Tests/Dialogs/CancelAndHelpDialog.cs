using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Tests.Dialogs;

/// <summary>The CoreBot pattern: a component that answers "help" and "cancel" before its inner dialogs see the message.</summary>
internal class CancelAndHelpDialog(string id) : ComponentDialog(id)
{
    public const string HelpText = "Answer the question, or say cancel to stop.";
    public const string CancelText = "Cancelling.";

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        if (innerDc.Context.Activity.IsType(ActivityTypes.Message))
        {
            switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
            {
                case "help":
                case "?":
                    await innerDc.Context.SendActivityAsync(HelpText, inputHint: InputHints.ExpectingInput, cancellationToken: cancellationToken);
                    return new DialogTurnResult(DialogTurnStatus.Waiting);
                case "cancel":
                case "quit":
                    await innerDc.Context.SendActivityAsync(CancelText, inputHint: InputHints.IgnoringInput, cancellationToken: cancellationToken);
                    return await innerDc.CancelAllDialogsAsync(cancellationToken);
            }
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }
}
