namespace BotRuntime.Dialogs.Choices;

/// <summary>The words used to list choices in text: "(1) a, (2) b, or (3) c".</summary>
public class ChoiceFactoryOptions
{
    public string? InlineSeparator { get; set; }

    public string? InlineOr { get; set; }

    public string? InlineOrMore { get; set; }

    /// <summary>Number the choices (null counts as true). Also lets a confirm prompt accept "1" and "2".</summary>
    public bool? IncludeNumbers { get; set; }
}
