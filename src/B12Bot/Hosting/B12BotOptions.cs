namespace B12Bot.Hosting;

/// <summary>The bot's own settings, bound from the "B12Bot" section.</summary>
public sealed class B12BotOptions
{
    public const string SectionName = "B12Bot";

    /// <summary>The folder with the clinic's content (faq.yaml, walkthrough.yaml...). Empty: the dialogs/ copied beside the binary.</summary>
    public string? DialogsPath { get; set; }

    /// <summary>The number the urgent-care message tells people to call.</summary>
    public string EmergencyNumber { get; set; } = "911";

    public string ResolveDialogsPath() =>
        string.IsNullOrWhiteSpace(DialogsPath) ? Path.Combine(AppContext.BaseDirectory, "dialogs") : Path.GetFullPath(DialogsPath);
}
