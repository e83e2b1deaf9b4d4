namespace BotRuntime.Dialogs.Choices;

/// <summary>A value to search for, with the index of the choice it stands for.</summary>
public class SortedValue
{
    public SortedValue() { }

    public SortedValue(string value, int index)
    {
        Value = value;
        Index = index;
    }

    public string Value { get; set; } = string.Empty;

    public int Index { get; set; }
}
