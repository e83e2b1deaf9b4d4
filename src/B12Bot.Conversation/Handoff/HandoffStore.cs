using BotRuntime.Storage;

namespace B12Bot.Conversation.Handoff;

/// <summary>Pointers kept beside the sessions: a thread's session, and the list of sessions still open.</summary>
public sealed class HandoffIndex : IStoreItem
{
    public string? SessionId { get; set; }

    public List<string> SessionIds { get; set; } = [];

    public string? ETag { get; set; }
}

/// <summary>
/// The handoff's records in the bot's state store (IStorage, the same provider as conversation state), so the clinic
/// channel, sessions and thread pointers survive restarts and are shared by every instance.
/// </summary>
public sealed class HandoffStore(IStorage storage, TimeProvider? time = null, StateJson? json = null)
{
    private const string ClinicChannelKey = "handoff/clinic-channel";

    /// <summary>How long "no clinic channel yet" is believed before the store is asked again (another instance may learn it).</summary>
    private static readonly TimeSpan UnknownChannelRecheck = TimeSpan.FromSeconds(30);

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private volatile bool channelKnown;
    private long unknownUntilTicks = long.MinValue;
    private const string OpenKey = "handoff/open";
    private const int MaxOpenSessions = 1000;

    public async Task<ClinicChannel?> GetClinicChannelAsync(CancellationToken cancellationToken) =>
        await ReadAsync<ClinicChannel>(ClinicChannelKey, cancellationToken).ConfigureAwait(false);

    public async Task SaveClinicChannelAsync(ClinicChannel channel, CancellationToken cancellationToken)
    {
        await storage.WriteAsync(new Dictionary<string, object> { [ClinicChannelKey] = channel }, cancellationToken).ConfigureAwait(false);
        channelKnown = true;
    }

    /// <summary>
    /// Whether the bot has learned a clinic channel (so a handoff can be posted), for checks on every visitor turn:
    /// once known it stays known (a channel is replaced, never removed); "not yet" is looked up again at most every
    /// 30 seconds, so a deployment without Teams does not read the store on every turn.
    /// </summary>
    public async ValueTask<bool> IsClinicChannelKnownAsync(CancellationToken cancellationToken)
    {
        if (channelKnown)
        {
            return true;
        }

        var now = clock.GetUtcNow().UtcTicks;
        if (now < Interlocked.Read(ref unknownUntilTicks))
        {
            return false;
        }

        if (await GetClinicChannelAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            channelKnown = true;
            return true;
        }

        Interlocked.Exchange(ref unknownUntilTicks, now + UnknownChannelRecheck.Ticks);
        return false;
    }

    public Task<HandoffSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(sessionId) || sessionId.Length > 64 ? Task.FromResult<HandoffSession?>(null) : ReadAsync<HandoffSession>(SessionKey(sessionId), cancellationToken);

    /// <summary>Writes the session against the eTag it was read with; throws <see cref="EtagConflictException"/> when another writer won.</summary>
    public Task SaveSessionAsync(HandoffSession session, CancellationToken cancellationToken) =>
        storage.WriteAsync(new Dictionary<string, object> { [SessionKey(session.Id)] = session }, cancellationToken);

    public Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        storage.DeleteAsync([SessionKey(sessionId)], cancellationToken);

    public async Task<HandoffSession?> GetSessionByThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        var index = await ReadAsync<HandoffIndex>(ThreadKey(threadId), cancellationToken).ConfigureAwait(false);
        return index?.SessionId is { } id ? await GetSessionAsync(id, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task SaveThreadAsync(string threadId, string sessionId, CancellationToken cancellationToken) =>
        storage.WriteAsync(new Dictionary<string, object> { [ThreadKey(threadId)] = new HandoffIndex { SessionId = sessionId } }, cancellationToken);

    public Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken) =>
        storage.DeleteAsync([ThreadKey(threadId)], cancellationToken);

    public async Task<IReadOnlyList<string>> GetOpenSessionIdsAsync(CancellationToken cancellationToken) =>
        (await ReadAsync<HandoffIndex>(OpenKey, cancellationToken).ConfigureAwait(false))?.SessionIds ?? [];

    /// <summary>Adds or removes a session in the open list, retrying when another instance changed it meanwhile.</summary>
    public async Task UpdateOpenAsync(string sessionId, bool open, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var index = await ReadAsync<HandoffIndex>(OpenKey, cancellationToken).ConfigureAwait(false) ?? new HandoffIndex();
            var changed = open
                ? !index.SessionIds.Contains(sessionId) && index.SessionIds.Count < MaxOpenSessions
                : index.SessionIds.Remove(sessionId);
            if (open && changed)
            {
                index.SessionIds.Add(sessionId);
            }

            if (!changed)
            {
                return;
            }

            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [OpenKey] = index }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (EtagConflictException) when (attempt < 5)
            {
                // Another instance changed the list: read it again.
            }
        }
    }

    public static string SessionKey(string sessionId) => "handoff/sessions/" + sessionId;

    private static string ThreadKey(string threadId) => "handoff/threads/" + threadId;

    private async Task<T?> ReadAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var value) ? (json ?? StateJson.Default).As<T>(value) : null;
    }
}
