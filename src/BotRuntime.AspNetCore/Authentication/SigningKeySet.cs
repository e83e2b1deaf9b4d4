using Microsoft.IdentityModel.Tokens;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// The signing keys published by a token issuer's OpenID metadata, with each key's Bot Framework endorsements
/// (the channel ids the key may sign for).
/// </summary>
public sealed class SigningKeySet
{
    private readonly Dictionary<string, IReadOnlyList<string>> _endorsements;

    public SigningKeySet(IReadOnlyList<JsonWebKey> keys, Dictionary<string, IReadOnlyList<string>> endorsements, DateTimeOffset fetchedAt)
    {
        Keys = keys;
        _endorsements = endorsements;
        FetchedAt = fetchedAt;
    }

    public IReadOnlyList<JsonWebKey> Keys { get; }

    public DateTimeOffset FetchedAt { get; }

    public bool ContainsKey(string? kid) =>
        kid is not null && Keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));

    /// <summary>True when the key <paramref name="kid"/> lists <paramref name="channelId"/> among its endorsements.</summary>
    public bool IsEndorsedFor(string? kid, string? channelId) =>
        kid is not null && !string.IsNullOrEmpty(channelId)
        && _endorsements.TryGetValue(kid, out var endorsements)
        && endorsements.Contains(channelId, StringComparer.Ordinal);
}
