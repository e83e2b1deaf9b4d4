namespace B12Bot.Conversation.Content;

/// <summary>Whole-message commands a user can give at any point.</summary>
public enum BotCommand
{
    Help,
    Cancel,
    Restart,
    Back,
}
