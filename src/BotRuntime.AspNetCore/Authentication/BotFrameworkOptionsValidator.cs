using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Start-up checks of the bot's identity settings (registered with ValidateOnStart, so a bad configuration stops the
/// host instead of failing on the first message):
/// <list type="bullet">
/// <item><see cref="BotFrameworkOptions.DisableAuthenticationForLocalEmulator"/> only in the Development environment.</item>
/// <item>In Production with an app id, <see cref="BotFrameworkOptions.AllowedTenants"/> names the tenants (or "*" on
/// purpose): a bot open to every Microsoft 365 tenant must be a decision, not a default.</item>
/// <item>MicrosoftAppType is MultiTenant, SingleTenant or UserAssignedMSI (an unknown value is an error rather than a
/// silent fall-back to MultiTenant as in the SDK); SingleTenant needs password and tenant; UserAssignedMSI needs the
/// tenant and must not have a password; MultiTenant needs a password.</item>
/// <item>Metadata and login URLs are absolute https URLs (http only for localhost, for tests and local issuers).</item>
/// </list>
/// </summary>
public sealed class BotFrameworkOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var failures = new List<string>();
        if (options.DisableAuthenticationForLocalEmulator && !environment.IsDevelopment())
        {
            failures.Add($"DisableAuthenticationForLocalEmulator is only allowed in the Development environment (this is '{environment.EnvironmentName}'). Remove the setting.");
        }

        if (!options.IsLocalMode && environment.IsProduction() && !options.AllowedTenants.Exists(t => !string.IsNullOrWhiteSpace(t)))
        {
            failures.Add("AllowedTenants is required in Production when MicrosoftAppId is set: list the Microsoft 365 tenant id(s) allowed to use the bot, or set it to \"*\" to allow every tenant on purpose.");
        }

        var appType = MicrosoftAppTypes.Normalize(options.MicrosoftAppType);
        if (appType is null)
        {
            failures.Add($"MicrosoftAppType must be {MicrosoftAppTypes.SingleTenant}, {MicrosoftAppTypes.UserAssignedMsi} or {MicrosoftAppTypes.MultiTenant}.");
        }
        else if (!options.IsLocalMode && !options.DisableAuthenticationForLocalEmulator)
        {
            var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
            var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
            switch (appType)
            {
                case MicrosoftAppTypes.SingleTenant when !hasPassword || !hasTenant:
                    failures.Add("A SingleTenant bot needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.");
                    break;
                case MicrosoftAppTypes.UserAssignedMsi when !hasTenant:
                    failures.Add("A UserAssignedMSI bot needs MicrosoftAppId and MicrosoftAppTenantId.");
                    break;
                case MicrosoftAppTypes.UserAssignedMsi when hasPassword:
                    failures.Add("A UserAssignedMSI bot must not have a MicrosoftAppPassword.");
                    break;
                case MicrosoftAppTypes.MultiTenant when !hasPassword:
                    failures.Add("A MultiTenant bot needs MicrosoftAppId and MicrosoftAppPassword.");
                    break;
            }
        }

        CheckUrl(failures, nameof(options.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl);
        CheckUrl(failures, nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), options.ToBotFromEmulatorOpenIdMetadataUrl);
        CheckUrl(failures, nameof(options.ToChannelFromBotLoginUrl), options.ToChannelFromBotLoginUrl);
        if (string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer))
        {
            failures.Add("ToBotFromChannelTokenIssuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ToChannelFromBotOAuthScope))
        {
            failures.Add("ToChannelFromBotOAuthScope must not be empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityEndpoint))
        {
            CheckUrl(failures, nameof(options.ManagedIdentityEndpoint), options.ManagedIdentityEndpoint, allowPlainHttp: true);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string setting, string? value, bool allowPlainHttp = false)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && (allowPlainHttp || IsLocalHost(uri)))))
        {
            failures.Add($"{setting} must be an absolute https URL (http is accepted for localhost only).");
        }
    }

    private static bool IsLocalHost(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
