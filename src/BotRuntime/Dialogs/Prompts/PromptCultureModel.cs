namespace BotRuntime.Dialogs.Prompts;

/// <summary>The words a choice or confirm prompt uses in one language.</summary>
public sealed class PromptCultureModel
{
    public required string Locale { get; init; }

    public required string Separator { get; init; }

    public required string InlineOr { get; init; }

    public required string InlineOrMore { get; init; }

    public required string YesInLanguage { get; init; }

    public required string NoInLanguage { get; init; }
}
