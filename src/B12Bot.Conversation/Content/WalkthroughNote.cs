namespace B12Bot.Conversation.Content;

/// <summary>An extra sentence added to the outcome when its condition holds (for example "see a clinician promptly").</summary>
public sealed record WalkthroughNote(AnswerCondition When, string Text);
