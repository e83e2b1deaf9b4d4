namespace B12Bot.Hosting;

/// <summary>Where conversation and user state live. Bound from the "BotState" section.</summary>
public sealed class BotStateStorageOptions
{
    public const string SectionName = "BotState";

    /// <summary>
    /// "Sqlite" (default: one file, survives restarts, nothing to install, one host), "PostgreSql" or "AzureBlobs"
    /// (shared by several hosts; settings under BotState:PostgreSql / BotState:AzureBlobs) or "Memory" (tests,
    /// throwaway runs). The providers register themselves in <see cref="BotStateStorageServiceCollectionExtensions"/>.
    /// </summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; a relative path is taken from the content root.</summary>
    public string SqlitePath { get; set; } = "data/b12bot-state.db";

    /// <summary>
    /// How long a conversation is kept after its last message: state and Direct Line history idle for longer are
    /// removed by the retention sweep. The chat page tells visitors this figure (src/B12Bot/wwwroot/index.html);
    /// change both together.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
