using B12Bot.Conversation.Content;
using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Privacy;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.Schema;
using BotRuntime.State;
using BotRuntime.Teams;

namespace B12Bot.Conversation.Bots;

/// <summary>
/// The B12 bot, like CoreBot's DialogAndWelcomeBot: welcomes a conversation once (not once per member in a group),
/// saying it is an automated assistant giving general information, with the main topics and the symptom check as quick
/// replies, and the clinic's privacy notice when one is configured; runs <see cref="MainDialog"/> on every message
/// (the auto-save middleware alone saves the state, after the turn). A confirmed "delete my data" and the Bot Framework's
/// <c>deleteUserData</c> activity erase the user's and conversation's data after everything else in the turn.
/// The emergency screen runs before it as middleware.
/// </summary>
public sealed class B12DialogBot : ActivityHandler
{
    private readonly MainDialog _mainDialog;
    private readonly B12Content _content;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly IStatePropertyAccessor<bool> _welcomed;
    private readonly UserDataEraser _eraser;
    private readonly string _welcome;

    /// <param name="eraser">Forgets the user and conversation; without one, the conversation state alone.</param>
    /// <param name="privacy">The privacy notice to link from the welcome.</param>
    public B12DialogBot(ConversationState conversationState, MainDialog mainDialog, B12Content content, UserDataEraser? eraser = null, PrivacySettings? privacy = null)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _mainDialog = mainDialog ?? throw new ArgumentNullException(nameof(mainDialog));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _dialogState = conversationState.CreateProperty<DialogState>(B12StateKeys.DialogState);
        _welcomed = conversationState.CreateProperty<bool>(B12StateKeys.Welcomed);
        _eraser = eraser ?? new UserDataEraser(conversationState, null, []);
        _welcome = privacy?.PrivacyNoticeUrl is { } notice
            ? content.Messages.Welcome + "\n\n" + content.Messages.PrivacyNotice.Replace("{privacyNoticeUrl}", MarkdownLinkTarget(notice), StringComparison.Ordinal)
            : content.Messages.Welcome;
    }

    /// <summary>The address as a Markdown link target: parentheses and spaces escaped so the link cannot break.</summary>
    private static string MarkdownLinkTarget(Uri url) =>
        url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.IsType(ActivityTypes.DeleteUserData))
        {
            await _eraser.EraseAsync(turnContext, cancellationToken).ConfigureAwait(false);
            B12BotTelemetry.DataDeleted();
            await turnContext.SendActivityAsync(Replies.Message(_content.Messages.ForgetMeDone), cancellationToken).ConfigureAwait(false);
            return;
        }

        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (ForgetMeDialog.WasConfirmed(turnContext))
        {
            // Last, so nothing of this turn is written back after it.
            await _eraser.EraseAsync(turnContext, cancellationToken).ConfigureAwait(false);
            B12BotTelemetry.DataDeleted();
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _mainDialog.RunAsync(turnContext, _dialogState, cancellationToken);

    /// <summary>
    /// In a Teams group chat or channel the bot introduces itself once, when it is the member added, and never greets
    /// people who join later (Teams' guidance; Teams sends the bot's own arrival with only the bot in membersAdded).
    /// Personal chats and Web Chat are welcomed when the user arrives, as before.
    /// </summary>
    protected override Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.IsTeamsGroupConversation())
        {
            return activity.MembersAdded?.Exists(m => m.Id == activity.Recipient?.Id) == true
                ? WelcomeOnceAsync(turnContext, cancellationToken)
                : Task.CompletedTask;
        }

        return base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
    }

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, cancellationToken);

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await _welcomed.GetAsync(turnContext, () => false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await turnContext.SendActivityAsync(Replies.Message(_welcome, _content.MainTopicTitles), cancellationToken).ConfigureAwait(false);
        await _welcomed.SetAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
        B12BotTelemetry.ConversationStarted();
    }
}
