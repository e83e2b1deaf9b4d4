using B12Bot.Conversation.Content;
using B12Bot.Conversation.Privacy;

namespace B12Bot.Hosting;

/// <summary>The bot's own settings, bound from the "B12Bot" section.</summary>
public sealed class B12BotOptions
{
    public const string SectionName = "B12Bot";

    /// <summary>The folder with the clinic's content (faq.yaml, walkthrough.yaml...). Empty: the dialogs/ copied beside the binary.</summary>
    public string? DialogsPath { get; set; }

    /// <summary>The number the urgent message (and the crisis and poisoning messages) tell people to call.</summary>
    public string EmergencyNumber { get; set; } = "911";

    /// <summary>The crisis line the crisis message offers (US: call or text 988, the Suicide &amp; Crisis Lifeline).</summary>
    public string CrisisLine { get; set; } = "988";

    /// <summary>The Poison Control number of the poisoning message (US: 1-800-222-1222).</summary>
    public string PoisonControlNumber { get; set; } = "1-800-222-1222";

    /// <summary>The clinic's privacy notice (absolute http(s) address), linked from the welcome. Empty: no link.</summary>
    public Uri? PrivacyNoticeUrl { get; set; }

    /// <summary>Ask explicit consent (Yes/No) before the walkthrough's health questions; turn on for EU clinics.</summary>
    public bool RequireConsentBeforeWalkthrough { get; set; }

    /// <summary>How edits of the content folder are picked up (section B12Bot:Content).</summary>
    public B12ContentOptions Content { get; set; } = new();

    public PrivacySettings PrivacySettings() => new(PrivacyNoticeUrl, RequireConsentBeforeWalkthrough);

    public SafetyContacts SafetyContacts() => new(EmergencyNumber, CrisisLine, PoisonControlNumber);

    public string ResolveDialogsPath() =>
        string.IsNullOrWhiteSpace(DialogsPath) ? Path.Combine(AppContext.BaseDirectory, "dialogs") : Path.GetFullPath(DialogsPath);
}

/// <summary>Content hot reload, bound from "B12Bot:Content".</summary>
public sealed class B12ContentOptions
{
    /// <summary>Watch the dialogs folder and apply a valid edit without a restart (an invalid one is refused and logged).</summary>
    public bool ReloadOnChange { get; set; } = true;

    /// <summary>How long the folder must be quiet after a change before it is reloaded: an editor's several writes make one reload.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
