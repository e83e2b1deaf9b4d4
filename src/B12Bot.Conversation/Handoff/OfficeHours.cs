namespace B12Bot.Conversation.Handoff;

/// <summary>Whether the clinic team is in, by the configured days and hours in the clinic's time zone.</summary>
public sealed class OfficeHours
{
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;
    private readonly TimeOnly _opens;
    private readonly TimeOnly _closes;
    private readonly TimeProvider _time;

    public OfficeHours(HandoffOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _zone = FindTimeZone(options.TimeZone);
        _days = [.. options.EffectiveOfficeDays];
        _opens = options.Opens;
        _closes = options.Closes;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public bool IsOpenNow() => IsOpenAt(_time.GetUtcNow());

    public bool IsOpenAt(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return _days.Contains(local.DayOfWeek) && time >= _opens && time < _closes;
    }

    public static TimeZoneInfo FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? "UTC" : id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Handoff:TimeZone '{id}' is not a time zone this machine knows (use an IANA name such as America/New_York).", ex);
        }
    }
}
