namespace B12Bot.Conversation.Dialogs;

/// <summary>Names of the bot's properties in conversation state.</summary>
public static class B12StateKeys
{
    /// <summary>The dialog stack (the SDK templates' name).</summary>
    public const string DialogState = "DialogState";

    /// <summary>Set once the welcome has been sent in a conversation, so it is sent once, not once per member.</summary>
    public const string Welcomed = "B12Welcomed";

    /// <summary>Set when the visitor agreed to the walkthrough's health questions (when consent is required).</summary>
    public const string WalkthroughConsent = "B12WalkthroughConsent";
}
