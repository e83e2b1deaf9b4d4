namespace B12Bot.Conversation.Content;

/// <summary>Whole-message commands a user can give at any point.</summary>
public enum BotCommand
{
    Help,
    Cancel,
    Restart,
    Back,

    /// <summary>"delete my data": forget this user and conversation, after a Yes/No confirmation.</summary>
    ForgetMe,
}
