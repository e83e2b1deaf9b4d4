using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BotRuntime.AspNetCore.DirectLine.History;

namespace BotRuntime.AspNetCore.DirectLine.Wire;

/// <summary>
/// Writes a Direct Line ActivitySet, <c>{"activities":[...],"watermark":"N"}</c>, from activities that are already
/// JSON, so the history is serialized once when stored and copied as bytes on every replay or poll.
/// </summary>
public static class ActivitySetWriter
{
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<StoredActivity> activities, long watermark)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteStartArray("activities"u8);
        foreach (var activity in activities)
        {
            writer.WriteRawValue(activity.Json.Span, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteString("watermark"u8, FormatWatermark(watermark));
        writer.WriteEndObject();
    }

    /// <summary>A set holding one activity that is not kept in the history (typing), at the current watermark.</summary>
    public static void WriteTransient(IBufferWriter<byte> output, ReadOnlyMemory<byte> activityJson, long watermark)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteStartArray("activities"u8);
        writer.WriteRawValue(activityJson.Span, skipInputValidation: true);
        writer.WriteEndArray();
        writer.WriteString("watermark"u8, FormatWatermark(watermark));
        writer.WriteEndObject();
    }

    public static string FormatWatermark(long watermark) => watermark.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a client's watermark: empty means "from the start"; anything but a non-negative integer is refused.</summary>
    public static bool TryParseWatermark(string? value, out long watermark)
    {
        watermark = 0;
        if (string.IsNullOrEmpty(value) || value == "undefined" || value == "null")
        {
            return true;
        }

        return value.Length <= 19 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out watermark);
    }
}
