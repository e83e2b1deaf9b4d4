namespace BotRuntime.Dialogs.Choices;

/// <summary>The choice the user picked: its value, its index in the list, how well it matched, and the synonym that matched.</summary>
public class FoundChoice
{
    public string Value { get; set; } = string.Empty;

    public int Index { get; set; }

    /// <summary>1.0 for a perfect match.</summary>
    public float Score { get; set; }

    public string? Synonym { get; set; }
}
