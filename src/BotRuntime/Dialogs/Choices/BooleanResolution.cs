namespace BotRuntime.Dialogs.Choices;

/// <summary>A recognized yes (true) or no (false), with how confidently (0.4 to 1).</summary>
public sealed record BooleanResolution(bool Value, double Score);
