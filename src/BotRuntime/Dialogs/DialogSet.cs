using BotRuntime.Builder;
using BotRuntime.State;

namespace BotRuntime.Dialogs;

/// <summary>
/// The dialogs a bot (or a container) can start, by id. The root set is bound to the state property that
/// holds the persisted stack.
/// </summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));
    }

    /// <summary>A set without its own state: the inner set of a container, whose stack lives in the container's state.</summary>
    public DialogSet()
    {
    }

    /// <summary>
    /// Adds a dialog (and the dialogs it depends on). Adding the same instance twice is a no-op; a different dialog
    /// with an id already taken is renamed with a numeric suffix (id2, id3, ...).
    /// </summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog))
            {
                return this;
            }

            var suffix = 2;
            while (_dialogs.ContainsKey(dialog.Id + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                suffix++;
            }

            dialog.Id += suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _dialogs[dialog.Id] = dialog;
        if (dialog is IDialogDependencies dependencies)
        {
            foreach (var dependency in dependencies.GetDependencies())
            {
                Add(dependency);
            }
        }

        return this;
    }

    /// <summary>Loads the persisted stack (creating an empty one) and returns a context to run dialogs in this turn.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("DialogSet.CreateContextAsync(): this set has no state property; it belongs to a container.");
        }

        var state = await _dialogState.GetAsync(turnContext, static () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }

    public Dialog? Find(string dialogId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        return _dialogs.GetValueOrDefault(dialogId);
    }

    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;
}
