namespace BotRuntime.Dialogs.Prompts;

/// <summary>What a prompt understood from the user's answer.</summary>
public class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }

    public bool AllowInterruption { get; set; }
}
