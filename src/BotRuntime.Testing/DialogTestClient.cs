using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.Schema;
using BotRuntime.State;
using BotRuntime.Storage;

namespace BotRuntime.Testing;

/// <summary>
/// Runs one dialog turn by turn, the way a bot would: each activity continues the dialog, or begins it when the
/// stack is empty, and the conversation state is saved after the turn. The first reply of the turn is returned;
/// <see cref="GetNextReply"/> reads the rest.
/// </summary>
public class DialogTestClient
{
    /// <summary>The conversation state property that holds the stack, as the SDK templates name it.</summary>
    public const string DialogStateProperty = "DialogState";

    private readonly Dialog _dialog;
    private readonly object? _initialDialogOptions;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;

    public DialogTestClient(string channelId, Dialog targetDialog, object? initialDialogOptions = null, IEnumerable<IMiddleware>? middlewares = null,
        ConversationState? conversationState = null)
        : this(new TestAdapter(channelId), targetDialog, initialDialogOptions, middlewares, conversationState)
    {
    }

    public DialogTestClient(TestAdapter testAdapter, Dialog targetDialog, object? initialDialogOptions = null, IEnumerable<IMiddleware>? middlewares = null,
        ConversationState? conversationState = null)
    {
        Adapter = testAdapter ?? throw new ArgumentNullException(nameof(testAdapter));
        _dialog = targetDialog ?? throw new ArgumentNullException(nameof(targetDialog));
        _initialDialogOptions = initialDialogOptions;
        ConversationState = conversationState ?? new ConversationState(new MemoryStorage());
        _dialogState = ConversationState.CreateProperty<DialogState>(DialogStateProperty);

        foreach (var middleware in middlewares ?? [])
        {
            Adapter.Use(middleware);
        }

        Adapter.Use(new AutoSaveStateMiddleware(ConversationState));
    }

    public TestAdapter Adapter { get; }

    public ConversationState ConversationState { get; }

    /// <summary>The dialog context of the last turn.</summary>
    public DialogContext? DialogContext { get; private set; }

    /// <summary>The result of the last turn: Waiting while the dialog asks, Complete with its result when it ends.</summary>
    public DialogTurnResult? DialogTurnResult { get; private set; }

    /// <summary>Sends a message with this text as the user; returns the bot's first reply of the turn, or null.</summary>
    public Task<Activity?> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Adapter.MakeActivity(text), cancellationToken);

    /// <summary>Sends an activity as the user; returns the bot's first reply of the turn, or null.</summary>
    public async Task<Activity?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await Adapter.ProcessActivityAsync(activity, RunTurnAsync, cancellationToken).ConfigureAwait(false);
        return GetNextReply();
    }

    /// <summary>The next unread reply, or null.</summary>
    public Activity? GetNextReply() => Adapter.GetNextReply();

    private async Task RunTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dialogSet = new DialogSet(_dialogState);
        dialogSet.Add(_dialog);
        DialogContext = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        DialogTurnResult = await DialogContext.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (DialogTurnResult.Status == DialogTurnStatus.Empty)
        {
            DialogTurnResult = await DialogContext.BeginDialogAsync(_dialog.Id, _initialDialogOptions, cancellationToken).ConfigureAwait(false);
        }
    }
}
