namespace BotRuntime.Dialogs.Choices;

/// <summary>How values are searched for in an utterance.</summary>
public class FindValuesOptions
{
    /// <summary>Accept a value when only some of its words are found (scored 0 by the SDK's integer completeness).</summary>
    public bool AllowPartialMatches { get; set; }

    public string? Locale { get; set; }

    /// <summary>How many other words may sit between two words of a value (default 2).</summary>
    public int? MaxTokenDistance { get; set; }

    public TokenizerFunction? Tokenizer { get; set; }
}
