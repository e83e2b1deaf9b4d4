using B12Bot.Conversation.Content;
using B12Bot.Conversation.Privacy;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.State;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// Explicit consent before the walkthrough's health questions, when B12Bot:RequireConsentBeforeWalkthrough is on (EU
/// clinics: health data needs explicit consent). Asked once per conversation: Yes is remembered and ends with
/// <see cref="Agreed"/>, so <see cref="MainDialog"/> starts the walkthrough; anything else asks nothing and offers the
/// topics.
/// </summary>
public sealed class ConsentDialog : YesNoQuestionDialog
{
    public const string DialogId = nameof(ConsentDialog);

    /// <summary>The dialog's result after a Yes.</summary>
    public const string Agreed = "consent-agreed";

    private readonly B12Content _content;
    private readonly IStatePropertyAccessor<bool> _consented;

    public ConsentDialog(B12Content content, ConversationState conversationState, PrivacySettings settings)
        : base(DialogId)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
        ArgumentNullException.ThrowIfNull(conversationState);
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _consented = conversationState.CreateProperty<bool>(B12StateKeys.WalkthroughConsent);
    }

    public PrivacySettings Settings { get; }

    protected override string Question => _content.Messages.ConsentQuestion;

    /// <summary>True when the walkthrough may start without asking (consent not required, or already given).</summary>
    public async Task<bool> MayStartAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        !Settings.RequireConsentBeforeWalkthrough || await _consented.GetAsync(turnContext, () => false, cancellationToken).ConfigureAwait(false);

    protected override async Task<DialogTurnResult> OnYesAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await _consented.SetAsync(dc.Context, true, cancellationToken).ConfigureAwait(false);
        B12BotTelemetry.ConsentAnswered(agreed: true);
        await dc.Context.SendActivityAsync(Replies.Message(_content.Messages.ConsentGiven), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(Agreed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Declined: the FAQ topics (not the walkthrough the visitor just declined).</summary>
    protected override async Task<DialogTurnResult> OnAnythingElseAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        B12BotTelemetry.ConsentAnswered(agreed: false);
        var topics = _content.Messages.MainTopics.Select(id => _content.GetEntry(id).Title);
        await dc.Context.SendActivityAsync(Replies.Message(_content.Messages.ConsentDeclined, topics), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
