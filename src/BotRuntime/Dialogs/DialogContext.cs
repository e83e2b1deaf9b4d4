using BotRuntime.Builder;
using BotRuntime.Dialogs.Prompts;

namespace BotRuntime.Dialogs;

/// <summary>
/// The dialog stack of one turn: begin, continue, end, replace and cancel dialogs. A container's inner context has
/// the container's context as <see cref="Parent"/>; dialogs are looked up in this set first, then in the parents'.
/// </summary>
public class DialogContext
{
    private const string ActivityReceivedEmitted = "DialogContext.activityReceivedEmitted";

    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        ArgumentNullException.ThrowIfNull(state);
        Stack = state.DialogStack;
    }

    public DialogContext(DialogSet dialogs, DialogContext parentDialogContext, DialogState state)
        : this(dialogs, (parentDialogContext ?? throw new ArgumentNullException(nameof(parentDialogContext))).Context, state)
    {
        Parent = parentDialogContext;
    }

    /// <summary>A context over the same set, turn, stack and parent as <paramref name="source"/> (the waterfall step context).</summary>
    protected DialogContext(DialogContext source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Dialogs = source.Dialogs;
        Context = source.Context;
        Stack = source.Stack;
        Parent = source.Parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The stack itself (top at index 0), shared with the persisted <see cref="DialogState"/>.</summary>
    public List<DialogInstance> Stack { get; }

    /// <summary>The context of the container this context runs in, or null for the root.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The dialog on top of the stack, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>The inner context of the active dialog when it is a container, else null.</summary>
    public DialogContext? Child =>
        ActiveDialog is { } instance && FindDialog(instance.Id) is DialogContainer container ? container.CreateChildContext(this) : null;

    /// <summary>Pushes a new instance of the dialog and begins it. Throws when no dialog has that id.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        var dialog = FindDialog(dialogId)
                     ?? throw new InvalidOperationException($"DialogContext.BeginDialogAsync(): a dialog with the id '{dialogId}' was not found. Add it to the DialogSet or the ComponentDialog first.");
        Stack.Insert(0, new DialogInstance(dialogId));
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins a prompt; prompts need their <see cref="PromptOptions"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Hands the user's activity to the active dialog. Returns <see cref="DialogTurnStatus.Empty"/> when nothing is running.
    /// The first call in a turn raises <see cref="DialogEvents.ActivityReceived"/> from the innermost dialog.
    /// </summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (!Context.TurnState.ContainsKey(ActivityReceivedEmitted))
        {
            Context.TurnState[ActivityReceivedEmitted] = true;
            await EmitEventAsync(DialogEvents.ActivityReceived, Context.Activity, bubble: true, fromLeaf: true, cancellationToken).ConfigureAwait(false);
        }

        if (ActiveDialog is not { } instance)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindDialog(instance.Id)
                     ?? throw new InvalidOperationException($"DialogContext.ContinueDialogAsync(): the active dialog '{instance.Id}' is not in this set. Was it renamed or removed since the conversation started?");
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the active dialog and resumes its parent with <paramref name="result"/>; when the stack is then empty the
    /// result is returned with <see cref="DialogTurnStatus.Complete"/>.
    /// </summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is { } instance)
        {
            var dialog = FindDialog(instance.Id)
                         ?? throw new InvalidOperationException($"DialogContext.EndDialogAsync(): the dialog '{instance.Id}' to resume was not found.");
            return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result) { ParentEnded = Parent is null };
    }

    /// <summary>Ends the active dialog without resuming its parent and begins another in its place (loops, restarts).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on this stack. Returns <see cref="DialogTurnStatus.Cancelled"/>, or Empty when nothing was running.</summary>
    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        CancelAllDialogsAsync(cancelParents: false, eventName: null, eventValue: null, cancellationToken);

    /// <summary>
    /// Ends every dialog on this stack and, with <paramref name="cancelParents"/>, on the parents' stacks too. Before a
    /// parent stack is cleared it gets a chance to handle <paramref name="eventName"/> (default cancelDialog) and stop there.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(bool cancelParents, string? eventName = null, object? eventValue = null, CancellationToken cancellationToken = default)
    {
        eventName ??= DialogEvents.CancelDialog;
        if (Stack.Count == 0 && Parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var notify = false;
        var dc = this;
        while (dc is not null)
        {
            if (dc.Stack.Count > 0)
            {
                if (notify && await dc.EmitEventAsync(eventName, eventValue, bubble: false, fromLeaf: false, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                while (dc.Stack.Count > 0)
                {
                    await dc.EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
                }

                notify = true;
            }

            dc = cancelParents ? dc.Parent : null;
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to send its prompt again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        if (await EmitEventAsync(DialogEvents.RepromptDialog, null, bubble: false, fromLeaf: false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var dialog = FindDialog(instance.Id)
                     ?? throw new InvalidOperationException($"DialogContext.RepromptDialogAsync(): the active dialog '{instance.Id}' was not found.");
        await dialog.RepromptDialogAsync(Context, instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finds a dialog by id in this context's set, then in the parent contexts.</summary>
    public Dialog? FindDialog(string dialogId)
    {
        for (var dc = this; dc is not null; dc = dc.Parent)
        {
            if (dc.Dialogs.Find(dialogId) is { } dialog)
            {
                return dialog;
            }
        }

        return null;
    }

    /// <summary>
    /// Raises an event on the active dialog of this context (or, with <paramref name="fromLeaf"/>, of the innermost
    /// child context). Returns true when a dialog handled it.
    /// </summary>
    public async Task<bool> EmitEventAsync(string name, object? value = null, bool bubble = true, bool fromLeaf = false, CancellationToken cancellationToken = default)
    {
        var dc = this;
        if (fromLeaf)
        {
            while (dc.Child is { } child)
            {
                dc = child;
            }
        }

        if (dc.ActiveDialog is { } instance && dc.FindDialog(instance.Id) is { } dialog)
        {
            var dialogEvent = new DialogEvent { Name = name, Value = value, Bubble = bubble };
            return await dialog.OnDialogEventAsync(dc, dialogEvent, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        Stack.RemoveAt(0);
    }
}
