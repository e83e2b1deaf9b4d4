using System.Security.Claims;
using BotRuntime.Schema;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>Decides whether an inbound request to /api/messages may run, from its Authorization header and activity.</summary>
public interface IBotAuthenticator
{
    Task<AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken);
}

/// <summary>
/// The result of inbound authentication. On failure <see cref="StatusCode"/> is 401 (no or unusable token) or 403
/// (a valid token that may not call this bot); nothing of the turn runs.
/// </summary>
public sealed record AuthenticationOutcome(bool Succeeded, ClaimsIdentity? Identity, int StatusCode, string? Error, string? CallerId = null)
{
    public static AuthenticationOutcome Anonymous { get; } = new(true, new ClaimsIdentity(authenticationType: "anonymous"), 200, null);

    public static AuthenticationOutcome Success(ClaimsIdentity identity, string? callerId) => new(true, identity, 200, null, callerId);

    public static AuthenticationOutcome Unauthorized(string error) => new(false, null, 401, error);

    public static AuthenticationOutcome Forbidden(string error) => new(false, null, 403, error);
}
