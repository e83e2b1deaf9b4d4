namespace B12Bot.Conversation.Handoff;

/// <summary>Settings of the human handoff (appsettings section "Handoff").</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>Off: "talk to a person" gets the clinic's phone number and nothing is posted to Teams.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The clinic channel new threads go to (e.g. "19:...@thread.tacv2"). Empty: the channel the bot was installed
    /// from (the team's General channel when installed in a team).
    /// </summary>
    public string TeamsChannelId { get; set; } = string.Empty;

    /// <summary>IANA time zone of the office hours, e.g. "America/New_York".</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>Days the team is in, e.g. ["Monday", ..., "Friday"].</summary>
    public List<DayOfWeek> OfficeDays { get; set; } = [];

    /// <summary>Opening time on office days (local time, "HH:mm").</summary>
    public TimeOnly Opens { get; set; } = new(8, 0);

    /// <summary>Closing time on office days (local time, "HH:mm").</summary>
    public TimeOnly Closes { get; set; } = new(18, 0);

    /// <summary>How long a request waits for a team member before the visitor is offered a callback.</summary>
    public TimeSpan WaitForTaker { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The clinic's phone number, offered when nobody can join.</summary>
    public string ClinicPhone { get; set; } = string.Empty;

    /// <summary>What visitors see for staff, followed by the member's first name, e.g. "Clinic team".</summary>
    public string StaffDisplayName { get; set; } = "Clinic team";

    /// <summary>How long a callback contact (phone or email) is kept, at most.</summary>
    public TimeSpan CallbackRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many of the visitor's recent messages are shared (with consent) on the card.</summary>
    public int RecentMessages { get; set; } = 5;

    /// <summary>How often waiting requests are checked for the wait running out.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The office days, Monday to Friday when none are configured.</summary>
    public IReadOnlyList<DayOfWeek> EffectiveOfficeDays =>
        OfficeDays.Count > 0 ? OfficeDays : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Throws with the setting's name when a value cannot work.</summary>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(ClinicPhone))
        {
            throw new InvalidOperationException("Handoff:ClinicPhone is required while Handoff:Enabled is true (it is the fallback when nobody can join).");
        }

        if (WaitForTaker <= TimeSpan.Zero || WaitForTaker > TimeSpan.FromHours(4))
        {
            throw new InvalidOperationException("Handoff:WaitForTaker must be between 00:00:01 and 04:00:00.");
        }

        if (CallbackRetention <= TimeSpan.Zero || CallbackRetention > TimeSpan.FromDays(90))
        {
            throw new InvalidOperationException("Handoff:CallbackRetention must be between 00:00:01 and 90.00:00:00.");
        }

        if (RecentMessages is < 0 or > 20)
        {
            throw new InvalidOperationException("Handoff:RecentMessages must be from 0 to 20.");
        }

        if (SweepInterval < TimeSpan.FromMilliseconds(50) || SweepInterval > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException("Handoff:SweepInterval must be between 00:00:00.05 and 00:10:00.");
        }

        _ = OfficeHours.FindTimeZone(TimeZone);
    }
}
