namespace BotRuntime.Dialogs;

/// <summary>
/// The persisted dialog stack, <c>{"dialogStack": [...]}</c>. The top of the stack (the active dialog) is index 0.
/// </summary>
public class DialogState
{
    public DialogState() : this(null) { }

    public DialogState(List<DialogInstance>? stack) => DialogStack = stack ?? [];

    public List<DialogInstance> DialogStack { get; set; }
}
