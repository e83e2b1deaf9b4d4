using BotRuntime.Schema;
using BotRuntime.Teams;
using Microsoft.Extensions.Logging;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Keeps the bot to its owner's Microsoft 365 tenant(s) (<see cref="BotFrameworkOptions.AllowedTenants"/>). It runs
/// after the inner authenticator accepted the token, so the tenant it reads is only trusted on an authenticated request.
/// A Teams activity (channelId msteams) whose channelData.tenant.id or conversation.tenantId is missing or not allowed
/// is refused with 403 and nothing of the turn runs; the refusal is logged with the tenant id and activity type, never
/// the message text. Other channels (Web Chat, Direct Line) carry no tenant and are not affected. With no allowed
/// tenants configured every tenant is accepted.
/// </summary>
public sealed partial class TenantRestrictionAuthenticator : IBotAuthenticator
{
    private readonly IBotAuthenticator _inner;
    private readonly HashSet<string> _allowedTenants;
    private readonly ILogger<TenantRestrictionAuthenticator> _logger;

    public TenantRestrictionAuthenticator(IBotAuthenticator inner, IEnumerable<string> allowedTenants, ILogger<TenantRestrictionAuthenticator> logger)
    {
        _inner = inner;
        _allowedTenants = new HashSet<string>(
            allowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()),
            StringComparer.OrdinalIgnoreCase);
        _logger = logger;
    }

    public IBotAuthenticator Inner => _inner;

    public async Task<AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        var outcome = await _inner.AuthenticateAsync(activity, authorizationHeader, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded || _allowedTenants.Count == 0 || !activity.IsTeams())
        {
            return outcome;
        }

        var channelDataTenant = activity.GetChannelDataTenantId();
        var conversationTenant = activity.Conversation?.TenantId is { Length: > 0 } t ? t : null;
        var allowed = (channelDataTenant is not null || conversationTenant is not null)
                      && (channelDataTenant is null || _allowedTenants.Contains(channelDataTenant))
                      && (conversationTenant is null || _allowedTenants.Contains(conversationTenant));
        if (allowed)
        {
            return outcome;
        }

        LogForeignTenant(Sanitize(channelDataTenant ?? conversationTenant), activity.Type ?? "unknown", activity.Conversation?.ConversationType ?? "unknown");
        return AuthenticationOutcome.Forbidden("This bot serves one organisation only.");
    }

    /// <summary>The tenant id as logged: a GUID-like value, cut short, so a forged field cannot inject log text.</summary>
    private static string Sanitize(string? tenantId)
    {
        if (tenantId is null)
        {
            return "(none)";
        }

        var span = tenantId.AsSpan(0, Math.Min(tenantId.Length, 64));
        return span.ContainsAnyExcept("0123456789abcdefABCDEF-") ? "(not a tenant id)" : span.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Teams {ActivityType} from tenant {TenantId} in a {ConversationType} conversation: not an allowed tenant")]
    private partial void LogForeignTenant(string tenantId, string activityType, string conversationType);
}
