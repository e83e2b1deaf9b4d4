namespace BotRuntime.Dialogs.Choices;

/// <summary>A value found in an utterance by <see cref="Find.FindValues"/>.</summary>
public class FoundValue
{
    public string Value { get; set; } = string.Empty;

    public int Index { get; set; }

    public float Score { get; set; }
}
