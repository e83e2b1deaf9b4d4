namespace B12Bot.Conversation.Content;

/// <summary>
/// Words that answer a walkthrough question without saying which choice they mean (a bare "no" to "has a blood test
/// shown low B12?" can be "not tested" or "tested, not low"): the bot says <see cref="Reply"/> and asks again.
/// </summary>
public sealed record WalkthroughAmbiguity(IReadOnlyList<string> Phrases, string Reply);
