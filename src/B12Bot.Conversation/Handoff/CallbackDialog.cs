using B12Bot.Conversation.Dialogs;
using BotRuntime.Dialogs;
using BotRuntime.Dialogs.Prompts;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// The callback offer, once the visitor picked it: asks for a phone number or email address (nothing else), says who
/// will see it and how long it is kept, and only on Yes posts it to the clinic thread. The contact lives only in this
/// dialog's state until then; "cancel" leaves at any point.
/// </summary>
public sealed class CallbackDialog : ComponentDialog
{
    public const string DialogId = nameof(CallbackDialog);
    private const string ContactPrompt = "CallbackDialog.contact";
    private const string ConsentPrompt = "CallbackDialog.consent";
    private const string ContactKey = "contact";

    private readonly HandoffCoordinator _coordinator;
    private readonly HandoffRequestRecognizer _recognizer;
    private readonly HandoffTexts _texts;

    public CallbackDialog(HandoffCoordinator coordinator, HandoffRequestRecognizer recognizer)
        : base(DialogId)
    {
        _coordinator = coordinator ?? throw new ArgumentNullException(nameof(coordinator));
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _texts = coordinator.Texts;
        AddDialog(new WaterfallDialog(DialogId + ".steps", [AskContactAsync, AskConsentAsync, SendAsync]));
        AddDialog(new TextPrompt(ContactPrompt, ValidateContactAsync));
        AddDialog(new ConfirmPrompt(ConsentPrompt));
        InitialDialogId = DialogId + ".steps";
    }

    /// <summary>The session the offer belongs to (dialog options).</summary>
    public sealed record Options(string SessionId);

    private async Task<DialogTurnResult> AskContactAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        await step.PromptAsync(ContactPrompt, new PromptOptions
        {
            Prompt = Replies.Message(_texts.Get(step.Context, HandoffContent.CallbackAsk)),
            RetryPrompt = Replies.Message(_texts.Get(step.Context, HandoffContent.CallbackRetry)),
        }, cancellationToken).ConfigureAwait(false);

    private async Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var answer = (step.Result as string)?.Trim() ?? string.Empty;
        if (_recognizer.IsEnd(step.Context, answer))
        {
            await step.Context.SendActivityAsync(Replies.Message(_texts.Get(step.Context, HandoffContent.CallbackDeclined)), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.Values[ContactKey] = answer;
        return await step.PromptAsync(ConsentPrompt, new PromptOptions { Prompt = Replies.Message(_texts.Get(step.Context, HandoffContent.CallbackConsent)) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SendAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var sessionId = step.GetOptions<Options>()?.SessionId;
        var contact = step.GetValue<string>(ContactKey);
        step.Values.Remove(ContactKey);
        // A rerun of this turn (its first save lost to another instance) does not send the callback twice.
        var effects = HandoffTurnEffects.Of(step.Context);
        var sent = effects.CallbackSent
            || (step.Result is true && sessionId is not null && contact is not null
                && await _coordinator.SendCallbackAsync(sessionId, contact, cancellationToken).ConfigureAwait(false));
        effects.CallbackSent = sent;
        var text = sent ? _texts.Get(step.Context, HandoffContent.CallbackSent)
            : step.Result is true ? _texts.Get(step.Context, HandoffContent.Unavailable)
            : _texts.Get(step.Context, HandoffContent.CallbackDeclined);
        await step.Context.SendActivityAsync(Replies.Message(text), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> ValidateContactAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Recognized.Value?.Trim();
        return Task.FromResult(text is not null && (_recognizer.IsEnd(prompt.Context, text) || ContactFormat.IsPhoneOrEmail(text)));
    }
}
