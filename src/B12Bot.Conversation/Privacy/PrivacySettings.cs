namespace B12Bot.Conversation.Privacy;

/// <summary>
/// The clinic's privacy settings the bot needs (B12Bot:PrivacyNoticeUrl, B12Bot:RequireConsentBeforeWalkthrough).
/// </summary>
/// <param name="PrivacyNoticeUrl">The clinic's privacy notice, linked from the welcome; null links nothing.</param>
/// <param name="RequireConsentBeforeWalkthrough">Ask explicit consent (Yes/No) before the walkthrough's health questions.</param>
public sealed record PrivacySettings(Uri? PrivacyNoticeUrl = null, bool RequireConsentBeforeWalkthrough = false)
{
    public Uri? PrivacyNoticeUrl { get; init; } = PrivacyNoticeUrl is { OriginalString.Length: > 0 } ? PrivacyNoticeUrl : null;

    public static PrivacySettings Default { get; } = new();

    /// <summary>Only an absolute http(s) address is a link the chat may show.</summary>
    public static bool IsValidNoticeUrl(Uri? url) =>
        url is null || url.OriginalString.Length == 0 || (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp));
}
