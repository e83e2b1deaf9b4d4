namespace B12Bot.Transcripts;

/// <summary>The opt-in transcript of visitors' questions, bound from the "Transcript" section. Off by default.</summary>
public sealed class TranscriptOptions
{
    public const string SectionName = "Transcript";

    /// <summary>Keep visitors' messages (redacted: phone numbers, emails, dates of birth) with how each was handled.</summary>
    public bool Enabled { get; set; }

    /// <summary>The SQLite file (relative to the content root) when BotState:Provider is Sqlite or Memory: one instance's own.</summary>
    public string SqlitePath { get; set; } = "data/b12bot-transcript.db";

    /// <summary>The table in the state database when BotState:Provider is PostgreSql, shared by every instance.</summary>
    public string PostgreSqlTable { get; set; } = "bot_transcript";

    /// <summary>The blob container in the state account when BotState:Provider is AzureBlobs, shared by every instance.</summary>
    public string AzureBlobsContainer { get; set; } = "bot-transcript";

    /// <summary>How long a message is kept; empty = BotState:IdleTimeout, like the rest of the conversation.</summary>
    public TimeSpan? Retention { get; set; }
}
