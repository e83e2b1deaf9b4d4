using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Fetches an issuer's OpenID metadata, then its JWKS (with Bot Framework endorsements), and caches the keys.
/// The cache is refreshed after <see cref="RefreshInterval"/>; a token signed with an unknown key id asks for an early
/// refresh, at most once per <see cref="MinimumRefreshInterval"/> so a flood of forged kids cannot hammer the issuer.
/// When a fetch fails the last good keys stay in use; with none, callers get <see cref="SigningKeysUnavailableException"/>
/// and must refuse the request. Failed fetches are retried no more often than <see cref="FailureRetryInterval"/>.
/// The documents are read by IdentityModel's retriever; the schedule is kept here rather than in its
/// ConfigurationManager, whose clock is not a <see cref="TimeProvider"/> the tests can drive and whose refreshes run in
/// the background after the first.
/// </summary>
public sealed partial class OpenIdSigningKeyCache : IDisposable
{
    /// <summary>Full refresh period: the connector auth docs ask for at least once a day.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);

    /// <summary>Smallest gap between two fetches triggered by unknown key ids.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>After a failed fetch, requests are refused (or served stale keys) for this long before trying again.</summary>
    public static readonly TimeSpan FailureRetryInterval = TimeSpan.FromSeconds(10);

    private const int MaxDocumentBytes = 1024 * 1024;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly string _httpClientName;
    private readonly Uri _metadataUrl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private SigningKeySet? _current;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private bool _lastAttemptFailed;

    public OpenIdSigningKeyCache(IHttpClientFactory httpClientFactory, string httpClientName, string metadataUrl, TimeProvider time, ILogger logger)
    {
        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        _metadataUrl = new Uri(metadataUrl, UriKind.Absolute);
        _time = time;
        _logger = logger;
    }

    /// <summary>How many times the metadata document was requested (for diagnostics and tests).</summary>
    public int FetchCount { get; private set; }

    /// <summary>The cached keys, fetching them first when there are none or they are older than a day.</summary>
    public async Task<SigningKeySet> GetKeysAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _time.GetUtcNow() - current.FetchedAt < RefreshInterval)
        {
            return current;
        }

        return await RefreshAsync(force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Called when a token names a key id that is not cached: fetches the keys again unless that was done less than
    /// <see cref="MinimumRefreshInterval"/> ago. Returns the (possibly unchanged) key set.
    /// </summary>
    public Task<SigningKeySet> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) =>
        RefreshAsync(force: true, cancellationToken);

    private async Task<SigningKeySet> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _fetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var current = _current;

            // Another caller may have refreshed while this one waited.
            if (current is not null && !force && now - current.FetchedAt < RefreshInterval)
            {
                return current;
            }

            var wait = _lastAttemptFailed ? FailureRetryInterval : force ? MinimumRefreshInterval : TimeSpan.Zero;
            if (now - _lastAttempt < wait)
            {
                return current ?? throw new SigningKeysUnavailableException("The issuer's signing keys are not available yet.");
            }

            _lastAttempt = now;
            try
            {
                FetchCount++;
                var fresh = await FetchAsync(now, cancellationToken).ConfigureAwait(false);
                _lastAttemptFailed = false;
                Volatile.Write(ref _current, fresh);
                return fresh;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Network, HTTP, resilience (timeout, open circuit) and format errors alike: refuse, never throw.
                _lastAttemptFailed = true;
                LogFetchFailed(_metadataUrl.Host, ex.GetType().Name, current is not null);
                return current ?? throw new SigningKeysUnavailableException("The issuer's signing keys could not be fetched.", ex);
            }
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    /// <summary>
    /// The metadata and its JWKS through IdentityModel's <see cref="OpenIdConnectConfigurationRetriever"/>, each document
    /// read through <see cref="BoundedDocumentRetriever"/>; the endorsements are the keys' "endorsements" members.
    /// </summary>
    private async Task<SigningKeySet> FetchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retriever = new BoundedDocumentRetriever(_httpClientFactory.CreateClient(_httpClientName), MaxDocumentBytes);
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl.AbsoluteUri, retriever, cancellationToken).ConfigureAwait(false);
        var keySet = configuration.JsonWebKeySet ?? throw new InvalidOperationException("The OpenID metadata has no jwks_uri.");

        var keys = keySet.Keys.ToList();
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.KeyId is { } kid && key.AdditionalData.TryGetValue(AuthenticationConstants.EndorsementsMember, out var value))
            {
                endorsements[kid] = Strings(value);
            }
        }

        LogKeysFetched(_metadataUrl.Host, keys.Count);
        return new SigningKeySet(keys, endorsements, now);
    }

    /// <summary>An "endorsements" array as IdentityModel keeps it (a JSON element or a list, by version): its strings.</summary>
    private static string[] Strings(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        IEnumerable<object> items => [.. items.OfType<string>()],
        _ => [],
    };

    public void Dispose() => _fetchGate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {KeyCount} signing keys from {Host}")]
    private partial void LogKeysFetched(string host, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch OpenID metadata or signing keys from {Host} ({ErrorType}); using cached keys: {HasCachedKeys}")]
    private partial void LogFetchFailed(string host, string errorType, bool hasCachedKeys);
}
