namespace B12Bot.Conversation.Content;

/// <summary>
/// The possible-reaction check: its one question, the button labels, the retry, the "No" answer, and the typed answers
/// read as Yes or No (unsure answers are in the Yes list: when in doubt, the urgent message).
/// </summary>
public sealed record ReactionCheckTexts(string Question, string Yes, string No, string Retry, string WatchFor, IReadOnlyList<string> YesAnswers, IReadOnlyList<string> NoAnswers);
