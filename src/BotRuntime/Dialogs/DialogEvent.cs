namespace BotRuntime.Dialogs;

/// <summary>An event raised on the dialog stack, offered to the active dialog and, when it bubbles, to its parents.</summary>
public class DialogEvent
{
    public required string Name { get; set; }

    public object? Value { get; set; }

    /// <summary>Whether the event goes on to the parent dialog contexts when not handled.</summary>
    public bool Bubble { get; set; }

    public bool Handled { get; set; }
}
