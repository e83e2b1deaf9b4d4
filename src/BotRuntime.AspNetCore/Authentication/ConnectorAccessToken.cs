namespace BotRuntime.AspNetCore.Authentication;

/// <summary>An access token for the Bot Connector API and the moment it stops being valid.</summary>
public sealed record ConnectorAccessToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Never print the token itself.</summary>
    public override string ToString() => $"ConnectorAccessToken(expires {ExpiresAt:O})";
}
