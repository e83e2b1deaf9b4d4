namespace B12Bot.Conversation.Content;

/// <summary>
/// A subject the bot does not answer (another vitamin, medicine, condition, test...), with example questions people
/// ask about it: dialogs/out-of-scope.yaml. The understanding compares a message's meaning with these as well as with
/// the FAQ, so a question that reads closer to one of them than to any B12 topic gets the scope statement.
/// </summary>
public sealed record OutOfScopeSubject(string Name, IReadOnlyList<string> Examples);
