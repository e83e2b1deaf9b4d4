using System.Globalization;
using BotRuntime.Builder;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// The handoff texts with the settings filled in (phone, wait, retention, the staff member's display name), from the
/// content in use: a visitor's turn asks with its turn context and gets the texts of the snapshot it runs on; code
/// outside a turn gets the live ones (a reload of dialogs/handoff.yaml applies to the next text asked for).
/// </summary>
public sealed class HandoffTexts(HandoffContentSource source, HandoffOptions options)
{
    public HandoffTexts(HandoffContent content, HandoffOptions options)
        : this(new HandoffContentSource(content), options)
    {
    }

    public HandoffContent Content => source.Current;

    /// <summary>The text <paramref name="key"/> of the content the turn runs on.</summary>
    public string Get(ITurnContext turnContext, string key, string? staffFirstName = null) =>
        Fill(source.For(turnContext).Texts[key], staffFirstName);

    /// <summary>The text <paramref name="key"/> of the live content, for code outside a visitor's turn.</summary>
    public string Get(string key, string? staffFirstName = null) => Fill(Content.Texts[key], staffFirstName);

    private string Fill(string text, string? staffFirstName)
    {
        return text
            .Replace("{clinicPhone}", options.ClinicPhone, StringComparison.Ordinal)
            .Replace("{minutes}", Math.Max(1, (int)Math.Ceiling(options.WaitForTaker.TotalMinutes)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{retentionDays}", Math.Max(1, (int)Math.Ceiling(options.CallbackRetention.TotalDays)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{staff}", StaffName(staffFirstName), StringComparison.Ordinal);
    }

    /// <summary>"Anna (Clinic team)", or just "Clinic team" when the member's name is unknown.</summary>
    public string StaffName(string? firstName) =>
        string.IsNullOrWhiteSpace(firstName) ? options.StaffDisplayName : $"{firstName} ({options.StaffDisplayName})";

    /// <summary>The first word of a Teams display name ("Anna Smith" -> "Anna"), at most 40 characters.</summary>
    public static string? FirstName(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return null;
        }

        var first = displayName.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Length <= 40 ? first : first[..40];
    }
}
