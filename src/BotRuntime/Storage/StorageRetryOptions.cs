namespace BotRuntime.Storage;

/// <summary>How often and how patiently a store call that met a transient error is tried again (<c>BotState:Retry</c>).</summary>
public sealed class StorageRetryOptions
{
    public const string SectionName = "Retry";

    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
