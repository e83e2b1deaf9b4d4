using BotRuntime.Builder;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Schema;
using BotRuntime.State;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>
/// The base of every prompt: sends a question, recognizes the answer, validates it, and either ends with the value
/// or asks again. Instance state: <c>options</c> (the <see cref="PromptOptions"/>) and <c>state</c> (holds AttemptCount).
/// </summary>
public abstract class Prompt<T> : Dialog
{
    public const string AttemptCountKey = "AttemptCount";

    private const string PersistedOptions = "options";
    private const string PersistedState = "state";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' needs PromptOptions to begin; use dc.PromptAsync(id, new PromptOptions {{ ... }}).", nameof(options));
        }

        promptOptions.Choices ??= [];
        if (promptOptions.Prompt is not null && string.IsNullOrEmpty(promptOptions.Prompt.InputHint))
        {
            promptOptions.Prompt.InputHint = InputHints.ExpectingInput;
        }

        if (promptOptions.RetryPrompt is not null && string.IsNullOrEmpty(promptOptions.RetryPrompt.InputHint))
        {
            promptOptions.RetryPrompt.InputHint = InputHints.ExpectingInput;
        }

        var state = dc.ActiveDialog!.State;
        state[PersistedOptions] = promptOptions;
        var promptState = new Dictionary<string, object>(StringComparer.Ordinal) { [AttemptCountKey] = 0 };
        state[PersistedState] = promptState;

        await OnPromptAsync(dc.Context, promptState, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var state = DialogStateValues.GetDictionary(instance.State, PersistedState);
        var options = GetOptions(dc.Context, instance);
        var recognized = await RecognizeOnceAsync(dc.Context, instance, state, options, cancellationToken).ConfigureAwait(false);

        state[AttemptCountKey] = DialogStateValues.ToInt32(state.TryGetValue(AttemptCountKey, out var count) ? count : null) + 1;

        var isValid = _validator is not null
            ? await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options), cancellationToken).ConfigureAwait(false)
            : recognized.Succeeded;
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        // Ask again, unless something (usually the validator) already answered the user this turn.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog begun on top of the prompt ended: ask the question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = DialogStateValues.GetDictionary(instance.State, PersistedState);
        return OnPromptAsync(turnContext, state, GetOptions(turnContext, instance), isRetry: false, cancellationToken);
    }

    /// <summary>
    /// On activityReceived the prompt recognizes the answer and reports whether it understood it, so parents do not
    /// treat a good answer as an interruption. The result is kept for the continue call of the same turn.
    /// </summary>
    protected override async Task<bool> OnPreBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Name == DialogEvents.ActivityReceived && dc.Context.Activity.IsType(ActivityTypes.Message) && dc.ActiveDialog is { } instance)
        {
            var state = DialogStateValues.GetDictionary(instance.State, PersistedState);
            var recognized = await RecognizeOnceAsync(dc.Context, instance, state, GetOptions(dc.Context, instance), cancellationToken).ConfigureAwait(false);
            return recognized.Succeeded;
        }

        return false;
    }

    /// <summary>Sends the prompt (or, on a retry, the retry prompt).</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default);

    /// <summary>Recognizes the user's answer.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default);

    /// <summary>Adds the choices to a prompt activity in the given style (for the channel when Auto).</summary>
    protected virtual Activity AppendChoices(Activity? prompt, string? channelId, IList<Choice> choices, ListStyle style, ChoiceFactoryOptions? options = null, string? conversationType = null, IList<string>? toList = null)
    {
        var text = prompt?.Text ?? string.Empty;
        var message = style switch
        {
            ListStyle.Inline => ChoiceFactory.Inline(choices, text, null, options),
            ListStyle.List => ChoiceFactory.List(choices, text, null, options),
            ListStyle.SuggestedAction => ChoiceFactory.SuggestedAction(choices, text, null, toList),
            ListStyle.HeroCard => ChoiceFactory.HeroCard(choices, text),
            ListStyle.None => Activity.CreateMessageActivity(text),
            _ => ChoiceFactory.ForChannel(channelId, choices, text, null, options, conversationType, toList),
        };

        if (prompt is null)
        {
            message.InputHint = InputHints.ExpectingInput;
            return message;
        }

        // Never change the caller's activity: it is also the persisted prompt that a retry or reprompt sends again.
        var result = prompt.Clone();
        result.Text = message.Text;
        if (message.SuggestedActions?.Actions is { Count: > 0 })
        {
            result.SuggestedActions = message.SuggestedActions;
        }

        if (message.Attachments is { Count: > 0 })
        {
            result.Attachments = result.Attachments is null ? message.Attachments : [.. result.Attachments, .. message.Attachments];
        }

        return result;
    }

    private static PromptOptions GetOptions(ITurnContext turnContext, DialogInstance instance) =>
        DialogStateValues.Get<PromptOptions>(instance.State, PersistedOptions, BotState.JsonOf(turnContext)) ?? new PromptOptions();

    /// <summary>Recognition runs at most once per turn and instance: the activityReceived event and the continue call share it.</summary>
    private async Task<PromptRecognizerResult<T>> RecognizeOnceAsync(ITurnContext turnContext, DialogInstance instance, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var key = "Prompt.recognized:" + Id;
        if (turnContext.TurnState.TryGetValue(key, out var cached) && cached is RecognitionMemo memo && ReferenceEquals(memo.Instance, instance))
        {
            return memo.Result;
        }

        var recognized = await OnRecognizeAsync(turnContext, state, options, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState[key] = new RecognitionMemo(instance, recognized);
        return recognized;
    }

    private sealed record RecognitionMemo(DialogInstance Instance, PromptRecognizerResult<T> Result);
}
