using BotRuntime.Builder;

namespace BotRuntime.Dialogs;

/// <summary>
/// The base of every dialog: a unit of conversation that can be begun, continued turn after turn, resumed when a
/// child it started ends, reprompted and ended. A dialog keeps nothing in fields between turns: all of its state
/// lives in its <see cref="DialogInstance"/> on the persisted stack.
/// </summary>
public abstract class Dialog
{
    /// <summary>The result a dialog returns to wait for the user's next activity.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    private string? _id;

    protected Dialog(string? dialogId)
    {
        _id = dialogId;
    }

    /// <summary>The dialog's id, unique within its <see cref="DialogSet"/>. Defaults to the class name.</summary>
    public string Id
    {
        get => _id ??= OnComputeId();
        set => _id = value;
    }

    /// <summary>Starts the dialog; it is already on top of the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The user sent another activity while this dialog is active. The default ends the dialog.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A child dialog this one started has ended with <paramref name="result"/>. The default ends this dialog with it.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again for whatever the dialog is waiting for. The default does nothing.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>The dialog is being removed from the stack (ended, replaced or cancelled). The default does nothing.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>
    /// Offers an event to this dialog: first <see cref="OnPreBubbleEventAsync"/>, then the parent contexts when the
    /// event bubbles, then <see cref="OnPostBubbleEventAsync"/>. Returns true when someone handled it.
    /// </summary>
    public virtual async Task<bool> OnDialogEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(e);
        var handled = await OnPreBubbleEventAsync(dc, e, cancellationToken).ConfigureAwait(false);
        if (!handled && e.Bubble && dc.Parent is not null)
        {
            handled = await dc.Parent.EmitEventAsync(e.Name, e.Value, bubble: true, fromLeaf: false, cancellationToken).ConfigureAwait(false);
        }

        if (!handled)
        {
            handled = await OnPostBubbleEventAsync(dc, e, cancellationToken).ConfigureAwait(false);
        }

        e.Handled = handled;
        return handled;
    }

    protected virtual Task<bool> OnPreBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken) => Task.FromResult(false);

    protected virtual Task<bool> OnPostBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken) => Task.FromResult(false);

    protected virtual string OnComputeId() => GetType().Name;
}
