namespace BotRuntime.Dialogs.Choices;

/// <summary>How choices are recognized: which of their texts to search, and whether "2" or "the second one" pick by position.</summary>
public class FindChoicesOptions : FindValuesOptions
{
    /// <summary>Do not search the choices' values (only action titles and synonyms).</summary>
    public bool NoValue { get; set; }

    /// <summary>Do not search the choices' action titles.</summary>
    public bool NoAction { get; set; }

    public bool RecognizeNumbers { get; set; } = true;

    public bool RecognizeOrdinals { get; set; } = true;
}
