namespace BotRuntime.Dialogs;

/// <summary>A dialog that runs its own set of child dialogs on an inner stack (see <see cref="ComponentDialog"/>).</summary>
public abstract class DialogContainer : Dialog
{
    protected DialogContainer(string? dialogId = null) : base(dialogId) { }

    /// <summary>The dialogs this container can run.</summary>
    public DialogSet Dialogs { get; protected set; } = new();

    /// <summary>The inner dialog context of the active instance of this container, or null when it has none.</summary>
    public abstract DialogContext? CreateChildContext(DialogContext dc);

    /// <summary>Finds a child dialog by id.</summary>
    public virtual Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);
}
