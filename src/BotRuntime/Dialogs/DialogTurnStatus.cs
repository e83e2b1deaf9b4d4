namespace BotRuntime.Dialogs;

/// <summary>Where the dialog stack stands after a call on a <see cref="DialogContext"/>.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack is empty: nothing was running.</summary>
    Empty,

    /// <summary>The active dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,

    /// <summary>The dialog completed but waits for one more activity (skills).</summary>
    CompleteAndWait,
}
