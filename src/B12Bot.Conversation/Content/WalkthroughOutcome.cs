namespace B12Bot.Conversation.Content;

/// <summary>One result of the symptom check, from the guide's decision framework.</summary>
public sealed record WalkthroughOutcome(string Id, string Title, string Text);
