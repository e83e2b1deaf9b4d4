namespace BotRuntime.Dialogs.Choices;

/// <summary>A word of an utterance: its character span (end inclusive), its text and its lower-cased form for matching.</summary>
public class Token
{
    public int Start { get; set; }

    public int End { get; set; }

    public string Text { get; set; } = string.Empty;

    public string Normalized { get; set; } = string.Empty;
}
