namespace B12Bot.Conversation.Handoff;

/// <summary>
/// What the bot says and recognises around talking to a person (dialogs/handoff.yaml). Texts keep the placeholders
/// {clinicPhone}, {minutes}, {staff} and {retentionDays}, filled in by <see cref="HandoffTexts"/> from the settings.
/// </summary>
public sealed record HandoffContent(
    IReadOnlyList<string> RequestPhrases,
    IReadOnlyList<string> TalkWords,
    IReadOnlyList<string> PeopleWords,
    string Button,
    IReadOnlyList<string> EndWords,
    IReadOnlyDictionary<string, string> Texts)
{
    public const string Consent = "consent";
    public const string ConsentRetry = "consent_retry";
    public const string Declined = "declined";
    public const string Requested = "requested";
    public const string StillWaiting = "still_waiting";
    public const string Unavailable = "unavailable";
    public const string Joined = "joined";
    public const string StaffEnded = "staff_ended";
    public const string VisitorEnded = "visitor_ended";
    public const string Closed = "closed";
    public const string NobodyFree = "nobody_free";
    public const string CallbackButton = "callback_button";
    public const string NoThanksButton = "no_thanks_button";
    public const string CallbackAsk = "callback_ask";
    public const string CallbackRetry = "callback_retry";
    public const string CallbackConsent = "callback_consent";
    public const string CallbackSent = "callback_sent";
    public const string CallbackDeclined = "callback_declined";

    /// <summary>Every text the file must have.</summary>
    public static readonly string[] TextKeys =
    [
        Consent, ConsentRetry, Declined, Requested, StillWaiting, Unavailable, Joined, StaffEnded, VisitorEnded, Closed,
        NobodyFree, CallbackButton, NoThanksButton, CallbackAsk, CallbackRetry, CallbackConsent, CallbackSent, CallbackDeclined,
    ];

    /// <summary>Placeholders a handoff text may use (besides {emergencyNumber}, filled in at load).</summary>
    public static readonly string[] Placeholders = ["{clinicPhone}", "{minutes}", "{staff}", "{retentionDays}"];
}
