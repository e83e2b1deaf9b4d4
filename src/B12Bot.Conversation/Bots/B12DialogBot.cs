using B12Bot.Conversation.Content;
using B12Bot.Conversation.Dialogs;
using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.Schema;
using BotRuntime.State;

namespace B12Bot.Conversation.Bots;

/// <summary>
/// The B12 bot, like CoreBot's DialogAndWelcomeBot: welcomes a conversation once (not once per member in a group),
/// saying it is an automated assistant giving general information, with the main topics and the symptom check as quick
/// replies; runs <see cref="MainDialog"/> on every message; saves conversation state at the end of the turn.
/// The emergency screen runs before it as middleware.
/// </summary>
public sealed class B12DialogBot : ActivityHandler
{
    private readonly ConversationState _conversationState;
    private readonly MainDialog _mainDialog;
    private readonly B12Content _content;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly IStatePropertyAccessor<bool> _welcomed;

    public B12DialogBot(ConversationState conversationState, MainDialog mainDialog, B12Content content)
    {
        _conversationState = conversationState ?? throw new ArgumentNullException(nameof(conversationState));
        _mainDialog = mainDialog ?? throw new ArgumentNullException(nameof(mainDialog));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _dialogState = conversationState.CreateProperty<DialogState>(B12StateKeys.DialogState);
        _welcomed = conversationState.CreateProperty<bool>(B12StateKeys.Welcomed);
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await _conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _mainDialog.RunAsync(turnContext, _dialogState, cancellationToken);

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await _welcomed.GetAsync(turnContext, () => false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var topics = _content.Messages.MainTopics.Select(id => _content.GetEntry(id).Title).Append(_content.Walkthrough.Title);
        await turnContext.SendActivityAsync(Replies.Message(_content.Messages.Welcome, topics), cancellationToken).ConfigureAwait(false);
        await _welcomed.SetAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
    }
}
