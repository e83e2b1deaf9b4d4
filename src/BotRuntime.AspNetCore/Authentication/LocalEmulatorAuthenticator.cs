using System.Net;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Authentication switched off for a local emulator (Agents Playground, Bot Framework Emulator) although an app id is
/// configured (<see cref="BotFrameworkOptions.DisableAuthenticationForLocalEmulator"/>; Development only). Requests are
/// accepted without a token, but only when their serviceUrl is on this machine (localhost or a loopback address), so
/// the bot never replies to, or trusts, anything remote in this mode. Outbound calls carry no token either.
/// </summary>
public sealed partial class LocalEmulatorAuthenticator(ILogger<LocalEmulatorAuthenticator> logger) : IBotAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (IsLoopback(activity.ServiceUrl))
        {
            return Task.FromResult(AuthenticationOutcome.Anonymous);
        }

        LogRefusedRemote();
        return Task.FromResult(AuthenticationOutcome.Forbidden("Authentication is off for local emulators only; this serviceUrl is not on this machine."));
    }

    /// <summary>True for http(s) URLs whose host is localhost or a loopback IP address.</summary>
    public static bool IsLoopback(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is off for local emulators, and an activity with a non-local serviceUrl was refused")]
    private partial void LogRefusedRemote();
}
