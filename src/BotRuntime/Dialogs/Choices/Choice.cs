using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Choices;

/// <summary>One option offered to the user: its value, an optional button action, and other words that pick it.</summary>
public class Choice
{
    public Choice() { }

    public Choice(string value) => Value = value;

    public string Value { get; set; } = string.Empty;

    /// <summary>The button to show for it. Without one, an imBack button with the value as title and value.</summary>
    public CardAction? Action { get; set; }

    public List<string>? Synonyms { get; set; }
}
