namespace B12Bot.Hosting;

/// <summary>Where conversation and user state live. Bound from the "BotState" section.</summary>
public sealed class BotStateStorageOptions
{
    public const string SectionName = "BotState";

    /// <summary>"Sqlite" (default: one file, survives restarts, nothing to install) or "Memory" (tests, throwaway runs).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; a relative path is taken from the content root.</summary>
    public string SqlitePath { get; set; } = "data/b12bot-state.db";
}
