namespace BotRuntime.AspNetCore.Authentication;

/// <summary>Gets the bearer token the bot sends with its calls to the Bot Connector API (null in local mode).</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
