using BotRuntime.AspNetCore.Connector;
using BotRuntime.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Local mode (no MicrosoftAppId): requests carry no token. That is only safe for a developer's own tools, so
/// /api/messages accepts them only in the Development environment and only with a loopback serviceUrl (or none) (the Emulator
/// and Agents Playground listen on localhost). Anywhere else the answer is 401: a website-only deployment serves its
/// visitors through the self-hosted Direct Line channel, which has its own tokens and never comes through here.
/// </summary>
public sealed partial class LocalModeAuthenticator(IHostEnvironment environment, ILogger<LocalModeAuthenticator> logger) : IBotAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!environment.IsDevelopment())
        {
            LogRefusedOutsideDevelopment();
            return Task.FromResult(AuthenticationOutcome.Unauthorized("This bot has no MicrosoftAppId: /api/messages is open to local tools in the Development environment only."));
        }

        // No serviceUrl means nothing can be sent anywhere (an expectReplies caller reads the answer from the response).
        if (!string.IsNullOrEmpty(activity.ServiceUrl) && !LocalEmulatorAuthenticator.IsLoopback(activity.ServiceUrl))
        {
            LogRefusedRemote();
            return Task.FromResult(AuthenticationOutcome.Forbidden("Without a MicrosoftAppId only local tools (a serviceUrl on this machine) may call the bot."));
        }

        return Task.FromResult(AuthenticationOutcome.Anonymous);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated activity: without MicrosoftAppId /api/messages is open in Development only")]
    private partial void LogRefusedOutsideDevelopment();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated activity whose serviceUrl is not on this machine (local mode)")]
    private partial void LogRefusedRemote();
}

/// <summary>Local mode: outgoing calls carry no token.</summary>
public sealed class NoConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
