namespace BotRuntime.Dialogs.Prompts;

/// <summary>Which recognizer models <see cref="PromptRecognizers.WarmUp"/> builds ahead of the first user.</summary>
[Flags]
public enum RecognizerModels
{
    None = 0,

    /// <summary>Numbers: NumberPrompt, and choice answers like "2".</summary>
    Number = 1,

    /// <summary>Ordinals: choice answers like "the second one" or "last".</summary>
    Ordinal = 2,

    /// <summary>Currency, age, temperature and dimension: NumberPrompt's fallback when no plain number is found.</summary>
    NumberWithUnit = 4,

    /// <summary>Dates and times: DateTimePrompt. The largest model to build.</summary>
    DateTime = 8,

    /// <summary>The yes/no expressions of ConfirmPrompt.</summary>
    Boolean = 16,

    /// <summary>What ChoicePrompt and ConfirmPrompt use.</summary>
    Choice = Number | Ordinal | Boolean,

    All = Number | Ordinal | NumberWithUnit | DateTime | Boolean,
}
