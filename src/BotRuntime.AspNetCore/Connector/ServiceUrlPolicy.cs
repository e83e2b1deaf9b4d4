using System.Net;
using BotRuntime.AspNetCore.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.Connector;

/// <summary>
/// Where the bot may send replies. An activity names its own serviceUrl, so without this check anyone who can post
/// an activity could make the bot POST (with retries) to any address, the host's own loopback ports included.
/// Allowed: https to the configured hosts (<see cref="BotFrameworkOptions.AllowedServiceUrlHosts"/>, the Bot
/// Connector's by default); loopback (http or https) only in the Development environment without real authentication
/// (local mode or DisableAuthenticationForLocalEmulator), where the Emulator or Agents Playground listens on localhost.
/// </summary>
public sealed class ServiceUrlPolicy
{
    private readonly string[] _exactHosts;
    private readonly string[] _domainSuffixes;

    public ServiceUrlPolicy(IOptions<BotFrameworkOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        var hosts = settings.AllowedServiceUrlHosts.Count > 0 ? settings.AllowedServiceUrlHosts : BotFrameworkOptions.DefaultServiceUrlHosts;
        _exactHosts = [.. hosts.Where(h => !h.StartsWith("*.", StringComparison.Ordinal)).Select(h => h.Trim().ToLowerInvariant())];
        _domainSuffixes = [.. hosts.Where(h => h.StartsWith("*.", StringComparison.Ordinal)).Select(h => h[1..].Trim().ToLowerInvariant())];
        AllowsLoopback = environment.IsDevelopment() && (settings.IsLocalMode || settings.DisableAuthenticationForLocalEmulator);
    }

    /// <summary>True where local tools (Emulator, Agents Playground) may be answered on this machine.</summary>
    public bool AllowsLoopback { get; }

    public bool IsAllowed(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (IsLoopback(serviceUrl))
        {
            return AllowsLoopback && (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps);
        }

        if (serviceUrl.Scheme != Uri.UriSchemeHttps || !serviceUrl.IsDefaultPort || IPAddress.TryParse(serviceUrl.IdnHost.Trim('[', ']'), out _))
        {
            return false;
        }

        var host = serviceUrl.IdnHost.ToLowerInvariant();
        return Array.IndexOf(_exactHosts, host) >= 0 || _domainSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.Ordinal));
    }

    /// <summary>True for localhost and loopback IP addresses (the forms an SSRF probe would use).</summary>
    public static bool IsLoopback(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
