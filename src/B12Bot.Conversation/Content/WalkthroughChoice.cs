namespace B12Bot.Conversation.Content;

/// <summary>One answer to a walkthrough question: the value the rules test, the button label, other ways to say it.</summary>
public sealed record WalkthroughChoice(string Value, string Label, IReadOnlyList<string> Synonyms);
