using Microsoft.Extensions.Logging;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Shared caching for outbound tokens: one token is reused until shortly before it expires (5 minutes, or half its
/// lifetime for short-lived tokens), concurrent callers share one request, and when a refresh fails while the old
/// token is still valid the old one keeps being used. Tokens are never logged.
/// </summary>
public abstract partial class CachingConnectorTokenProvider : IConnectorTokenProvider, IDisposable
{
    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger;
    private CachedToken? _cached;

    protected CachingConnectorTokenProvider(TimeProvider time, ILogger logger)
    {
        Time = time;
        _logger = logger;
    }

    protected TimeProvider Time { get; }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && Time.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Token.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = _cached;
            var now = Time.GetUtcNow();
            if (cached is not null && now < cached.RefreshAt)
            {
                return cached.Token.Value;
            }

            try
            {
                var token = await AcquireTokenAsync(cancellationToken).ConfigureAwait(false);
                var lifetime = token.ExpiresAt - now;
                var margin = lifetime > 2 * RefreshBeforeExpiry ? RefreshBeforeExpiry : lifetime / 2;
                Volatile.Write(ref _cached, new CachedToken(token, token.ExpiresAt - margin));
                LogTokenAcquired(token.ExpiresAt);
                return token.Value;
            }
            catch (Exception ex) when (cached is not null && now < cached.Token.ExpiresAt
                                       && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                // The old token is still good: use it and try again on the next call.
                LogRefreshFailed(ex.GetType().Name);
                return cached.Token.Value;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Requests a new token from the identity endpoint.</summary>
    protected abstract Task<ConnectorAccessToken> AcquireTokenAsync(CancellationToken cancellationToken);

    public void Dispose()
    {
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record CachedToken(ConnectorAccessToken Token, DateTimeOffset RefreshAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Obtained a Bot Connector token valid until {ExpiresAt:O}")]
    private partial void LogTokenAcquired(DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the Bot Connector token ({ErrorType}); the current one is still valid and stays in use")]
    private partial void LogRefreshFailed(string errorType);
}
