using BotRuntime.Dialogs.Choices;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>What a prompt says, what it says again after an answer it could not use, and the choices it offers.</summary>
public class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an unusable answer; the <see cref="Prompt"/> is sent again when there is none.</summary>
    public Activity? RetryPrompt { get; set; }

    public IList<Choice>? Choices { get; set; }

    /// <summary>Overrides the prompt's own list style for this question.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Extra data for a custom validator (kept with the prompt's state, so it must serialize).</summary>
    public object? Validations { get; set; }

    /// <summary>The language to recognize the answer in (ConfirmPrompt), when it differs from the activity's locale.</summary>
    public string? RecognizeLanguage { get; set; }
}
