namespace B12Bot.Conversation.Understanding;

/// <summary>What the bot does when an intent is recognised.</summary>
public enum IntentKind
{
    /// <summary>Answer a reviewed FAQ entry.</summary>
    FaqAnswer,

    /// <summary>Start the symptom-check walkthrough.</summary>
    StartWalkthrough,
}
