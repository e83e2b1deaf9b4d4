using BotRuntime.Dialogs;
using BotRuntime.State;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// The handoff's properties in the visitor's conversation state. Its dialogs keep their own stack, apart from the main
/// dialog's: the safety triage clears the main stack on an emergency, while a chat with the team must go on.
/// </summary>
public sealed class HandoffStateAccessors(ConversationState conversationState)
{
    public const string VisitorStateName = "B12Handoff";
    public const string DialogStateName = "B12HandoffDialogs";

    public IStatePropertyAccessor<VisitorHandoffState> Visitor { get; } = conversationState.CreateProperty<VisitorHandoffState>(VisitorStateName);

    public IStatePropertyAccessor<DialogState> Dialogs { get; } = conversationState.CreateProperty<DialogState>(DialogStateName);
}
