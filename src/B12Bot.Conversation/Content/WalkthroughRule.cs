namespace B12Bot.Conversation.Content;

/// <summary>"When these answers were given, the outcome is ...". Rules are checked in order; the first that holds wins.</summary>
public sealed record WalkthroughRule(AnswerCondition When, string OutcomeId);
