using B12Bot.Conversation.Dialogs;
using BotRuntime.Dialogs;
using BotRuntime.Dialogs.Prompts;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// "Talk to a person": outside office hours (or before the bot is installed in the clinic's team) the visitor gets the
/// callback offer or the clinic's number; otherwise the bot says exactly what will be shared and asks Yes / No, and only
/// on Yes posts the request card into the clinic channel and says how long the wait should be.
/// </summary>
public sealed class HandoffDialog : ComponentDialog
{
    public const string DialogId = nameof(HandoffDialog);
    private const string ConsentPrompt = "HandoffDialog.consent";

    private readonly HandoffCoordinator _coordinator;
    private readonly HandoffStore _store;
    private readonly OfficeHours _officeHours;
    private readonly HandoffOptions _options;
    private readonly HandoffStateAccessors _state;
    private readonly HandoffTexts _texts;

    public HandoffDialog(HandoffCoordinator coordinator, HandoffStore store, OfficeHours officeHours, HandoffOptions options, HandoffStateAccessors state)
        : base(DialogId)
    {
        _coordinator = coordinator ?? throw new ArgumentNullException(nameof(coordinator));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _officeHours = officeHours ?? throw new ArgumentNullException(nameof(officeHours));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _texts = coordinator.Texts;
        AddDialog(new WaterfallDialog(DialogId + ".steps", [AskConsentAsync, RequestAsync]));
        AddDialog(new ConfirmPrompt(ConsentPrompt));
        InitialDialogId = DialogId + ".steps";
    }

    private async Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || await _store.GetClinicChannelAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await step.Context.SendActivityAsync(Replies.Message(_texts.Get(step.Context, HandoffContent.Unavailable)), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (!_officeHours.IsOpenNow())
        {
            var session = await _coordinator.OfferCallbackAsync(step.Context.Activity, cancellationToken).ConfigureAwait(false);
            var visitor = await _state.Visitor.GetAsync(step.Context, () => new VisitorHandoffState(), cancellationToken).ConfigureAwait(false);
            visitor!.SessionId = session.Id;
            await step.Context.SendActivityAsync(
                Replies.Message(_texts.Get(step.Context, HandoffContent.Closed), [_texts.Get(step.Context, HandoffContent.CallbackButton), _texts.Get(step.Context, HandoffContent.NoThanksButton)]),
                cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(ConsentPrompt, new PromptOptions
        {
            Prompt = Replies.Message(_texts.Get(step.Context, HandoffContent.Consent)),
            RetryPrompt = Replies.Message(_texts.Get(step.Context, HandoffContent.ConsentRetry)),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RequestAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(Replies.Message(_texts.Get(step.Context, HandoffContent.Declined)), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var visitor = await _state.Visitor.GetAsync(step.Context, () => new VisitorHandoffState(), cancellationToken).ConfigureAwait(false);
        // A rerun of this turn (its first save lost to another instance) keeps the thread its first run started.
        var effects = HandoffTurnEffects.Of(step.Context);
        var session = effects.RequestedSessionId is { } earlier
            ? await _store.GetSessionAsync(earlier, cancellationToken).ConfigureAwait(false)
            : await _coordinator.RequestAsync(step.Context.Activity, visitor!, cancellationToken).ConfigureAwait(false);
        effects.RequestedSessionId = session?.Id;
        if (session is null)
        {
            await step.Context.SendActivityAsync(Replies.Message(_texts.Get(step.Context, HandoffContent.Unavailable)), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            visitor!.SessionId = session.Id;
            await step.Context.SendActivityAsync(Replies.Message(_texts.Get(step.Context, HandoffContent.Requested)), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
