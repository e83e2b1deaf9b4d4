namespace BotRuntime.AspNetCore.DirectLine.History;

/// <summary>One activity as stored: its sequence number (the watermark after it), its id and its JSON.</summary>
public sealed record StoredActivity(long Sequence, string Id, ReadOnlyMemory<byte> Json);
