using BotRuntime.Schema;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>Local mode (no MicrosoftAppId): every request is accepted as anonymous, as the SDK does for the Emulator.</summary>
public sealed class LocalModeAuthenticator : IBotAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken) =>
        Task.FromResult(AuthenticationOutcome.Anonymous);
}

/// <summary>Local mode: outgoing calls carry no token.</summary>
public sealed class NoConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
