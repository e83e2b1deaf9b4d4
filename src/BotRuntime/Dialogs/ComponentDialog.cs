using BotRuntime.Builder;
using BotRuntime.State;

namespace BotRuntime.Dialogs;

/// <summary>
/// A dialog made of dialogs: it runs its own inner stack (kept in its instance state under <c>dialogs</c>) starting
/// with <see cref="InitialDialogId"/>, and ends itself with the inner result once the inner stack is done.
/// Override <see cref="OnContinueDialogAsync"/> to look at every message before the inner dialogs do (help, cancel).
/// </summary>
public class ComponentDialog : DialogContainer
{
    /// <summary>The instance state key of the inner stack.</summary>
    public const string PersistedDialogState = "dialogs";

    private bool _initialized;

    public ComponentDialog(string? dialogId = null) : base(dialogId) { }

    /// <summary>The inner dialog begun first. Defaults to the first dialog added.</summary>
    public string? InitialDialogId { get; set; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await EnsureInitializedAsync(outerDc, cancellationToken).ConfigureAwait(false);

        var dialogState = new DialogState();
        outerDc.ActiveDialog!.State[PersistedDialogState] = dialogState;
        var innerDc = new DialogContext(Dialogs, outerDc, dialogState);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await EnsureInitializedAsync(outerDc, cancellationToken).ConfigureAwait(false);

        var innerDc = CreateChildContext(outerDc)!;
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A dialog begun on the outer stack above this component has ended. The inner dialogs never asked for it, so the
    /// component asks its own question again and waits.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var innerDc = CreateInnerDc(turnContext, instance);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancelling the component cancels its inner dialogs first, so each of them gets its end call.</summary>
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = CreateInnerDc(turnContext, instance);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds an inner dialog. The first one added becomes <see cref="InitialDialogId"/> unless it was set.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override DialogContext? CreateChildContext(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.ActiveDialog is { } instance ? new DialogContext(Dialogs, dc, GetInnerState(dc.Context, instance)) : null;
    }

    /// <summary>Runs once, before the component first begins or continues in this process.</summary>
    protected virtual Task OnInitializeAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        InitialDialogId ??= Dialogs.GetDialogs().FirstOrDefault()?.Id;
        return Task.CompletedTask;
    }

    /// <summary>Begins the inner dialogs. The default begins <see cref="InitialDialogId"/> with the component's options.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"ComponentDialog '{Id}' has no dialogs to begin.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Continues the inner dialogs. Override to intercept messages first (help, cancel), then call the base.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    protected virtual Task OnEndDialogAsync(ITurnContext context, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Ends the component on the outer stack with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private async Task EnsureInitializedAsync(DialogContext outerDc, CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            _initialized = true;
            await OnInitializeAsync(outerDc, cancellationToken).ConfigureAwait(false);
        }
    }

    private DialogContext CreateInnerDc(ITurnContext turnContext, DialogInstance instance) =>
        new(Dialogs, turnContext, GetInnerState(turnContext, instance));

    private static DialogState GetInnerState(ITurnContext turnContext, DialogInstance instance) =>
        DialogStateValues.Get<DialogState>(instance.State, PersistedDialogState, BotState.JsonOf(turnContext)) ?? CreateInnerState(instance);

    private static DialogState CreateInnerState(DialogInstance instance)
    {
        var state = new DialogState();
        instance.State[PersistedDialogState] = state;
        return state;
    }
}
