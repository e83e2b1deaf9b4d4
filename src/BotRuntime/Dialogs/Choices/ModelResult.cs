namespace BotRuntime.Dialogs.Choices;

/// <summary>A recognized span of the utterance (character positions, end inclusive) and what it resolves to.</summary>
public class ModelResult<T>
{
    public string Text { get; set; } = string.Empty;

    public int Start { get; set; }

    public int End { get; set; }

    public string TypeName { get; set; } = string.Empty;

    public T Resolution { get; set; } = default!;
}
