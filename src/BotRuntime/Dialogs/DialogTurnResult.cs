namespace BotRuntime.Dialogs;

/// <summary>The outcome of running the dialog stack for one call: its status and, when a dialog ended, its result.</summary>
public class DialogTurnResult(DialogTurnStatus status, object? result = null)
{
    public DialogTurnStatus Status { get; set; } = status;

    public object? Result { get; set; } = result;

    /// <summary>True when the dialog that ended was the root one (the stack is now empty).</summary>
    public bool ParentEnded { get; set; }
}
