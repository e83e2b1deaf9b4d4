namespace BotRuntime.AspNetCore.DirectLine.Streaming;

/// <summary>A wake-up for a stream: new history to read, or (with <see cref="TransientActivity"/>) one live-only activity.</summary>
public readonly record struct StreamSignal(ReadOnlyMemory<byte>? TransientActivity)
{
    public static StreamSignal Appended => new(null);
}
