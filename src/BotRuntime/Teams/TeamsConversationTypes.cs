namespace BotRuntime.Teams;

/// <summary>Values of <c>conversation.conversationType</c> in Microsoft Teams.</summary>
public static class TeamsConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}
