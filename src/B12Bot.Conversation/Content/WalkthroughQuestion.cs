namespace B12Bot.Conversation.Content;

/// <summary>One step of the symptom check.</summary>
public sealed record WalkthroughQuestion(string Id, string Prompt, string Summary, IReadOnlyList<WalkthroughChoice> Choices)
{
    public WalkthroughChoice? FindChoice(string? value)
    {
        foreach (var choice in Choices)
        {
            if (string.Equals(choice.Value, value, StringComparison.Ordinal))
            {
                return choice;
            }
        }

        return null;
    }
}
