namespace BotRuntime.Dialogs.Prompts;

/// <summary>One reading of a date or time the user gave: a single value, or a start and end for a range, with its TIMEX expression.</summary>
public class DateTimeResolution
{
    public string? Value { get; set; }

    public string? Start { get; set; }

    public string? End { get; set; }

    public string? Timex { get; set; }
}
