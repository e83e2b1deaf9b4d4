using System.Globalization;
using System.Text;

namespace BotRuntime.DirectLine.PostgreSql;

/// <summary>
/// What one instance tells the others on the notification channel, as short text (NOTIFY payloads stay under 8,000
/// bytes): <c>a|instance|watermark|conversation</c> for stored activities (the activities themselves are read from the
/// table, from each stream's own watermark) and <c>t|instance|conversation|json</c> for a live-only activity (typing).
/// Conversation ids are the channel's own URL-safe ids, so '|' never occurs in them.
/// </summary>
public readonly record struct StreamNotice(bool IsTransient, string InstanceId, string ConversationId, long Watermark, string? ActivityJson)
{
    /// <summary>PostgreSQL refuses payloads of 8,000 bytes or more; a larger typing activity is not relayed.</summary>
    public const int MaxPayloadBytes = 7900;

    public static string Appended(string instanceId, string conversationId, long watermark) =>
        string.Concat(AppendedPrefix(instanceId), watermark.ToString(CultureInfo.InvariantCulture), "|", conversationId);

    /// <summary>What comes before the watermark in <see cref="Appended"/> (the store completes it in SQL).</summary>
    public static string AppendedPrefix(string instanceId) => string.Concat("a|", instanceId, "|");

    /// <summary>The notice for a live-only activity, or null when it is too large to send.</summary>
    public static string? Transient(string instanceId, string conversationId, ReadOnlySpan<byte> activityJson)
    {
        var payload = string.Concat("t|", instanceId, "|", conversationId, "|", Encoding.UTF8.GetString(activityJson));
        return Encoding.UTF8.GetByteCount(payload) < MaxPayloadBytes ? payload : null;
    }

    public static bool TryParse(string payload, out StreamNotice notice)
    {
        notice = default;
        var parts = payload.Split('|', 4);
        if (parts.Length != 4 || parts[1].Length == 0 || parts[2].Length == 0 || parts[3].Length == 0)
        {
            return false;
        }

        switch (parts[0])
        {
            case "a" when long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var watermark):
                notice = new StreamNotice(false, parts[1], parts[3], watermark, null);
                return true;
            case "t":
                notice = new StreamNotice(true, parts[1], parts[2], 0, parts[3]);
                return true;
            default:
                return false;
        }
    }
}
