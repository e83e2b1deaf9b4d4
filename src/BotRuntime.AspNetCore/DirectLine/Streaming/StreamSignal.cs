namespace BotRuntime.AspNetCore.DirectLine.Streaming;

/// <summary>
/// A wake-up for a stream: new history to read up to <see cref="Watermark"/> (0 = not known, read anyway), or (with
/// <see cref="TransientActivity"/>) one live-only activity.
/// </summary>
public readonly record struct StreamSignal(ReadOnlyMemory<byte>? TransientActivity, long Watermark = 0)
{
    public static StreamSignal Appended(long watermark) => new(null, watermark);
}
