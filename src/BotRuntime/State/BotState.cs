using System.Text.Json;
using BotRuntime.Builder;
using BotRuntime.Storage;

namespace BotRuntime.State;

/// <summary>
/// A dictionary of named properties stored under one key per scope (conversation, user...). Loaded once per turn into
/// the turn state, saved only if it changed, and written with the eTag it was read with, so a concurrent writer
/// elsewhere makes the save fail loudly instead of silently losing an update.
/// </summary>
public abstract class BotState
{
    /// <summary>Where a loaded state leaves its <see cref="StateJson"/> for the turn (dialogs read stored values with it).</summary>
    private const string TurnJsonKey = "BotState.json";

    private readonly string _contextServiceKey;

    /// <param name="json">The host's state JSON; without one, the runtime's defaults (<see cref="StateJson.Default"/>).</param>
    protected BotState(IStorage storage, string contextServiceKey, StateJson? json = null)
    {
        Storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _contextServiceKey = contextServiceKey;
        Json = json ?? StateJson.Default;
    }

    public IStorage Storage { get; }

    /// <summary>How this state is written and its stored values read back.</summary>
    public StateJson Json { get; }

    /// <summary>
    /// The state JSON of the turn: the one its state was loaded with, or the runtime's defaults before any load.
    /// Code that is not built per host (a dialog, a prompt) reads stored values with it.
    /// </summary>
    public static StateJson JsonOf(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<StateJson>(TurnJsonKey) ?? StateJson.Default;
    }

    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new BotStatePropertyAccessor<T>(this, name);
    }

    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.ContainsKey(_contextServiceKey))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await Storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(TurnJsonKey, Json);
        turnContext.TurnState[_contextServiceKey] = items.TryGetValue(key, out var stored) && stored is JsonElement element
            ? CachedBotState.FromStored(element, Json.Options)
            : new CachedBotState(Json.Options);
    }

    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey);
        if (cached is null)
        {
            return;
        }

        var json = cached.Serialize();
        if (!force && (json == cached.Hash || cached.HoldsOnlyUntouchedDefaults()))
        {
            return;
        }

        var document = new Dictionary<string, object?>(cached.State, StringComparer.Ordinal)
        {
            [StorageDocument.ETagProperty] = cached.ETag ?? StorageDocument.AbsentETag,
        };
        await Storage.WriteAsync(new Dictionary<string, object> { [GetStorageKey(turnContext)] = document }, cancellationToken).ConfigureAwait(false);
        cached.ETag = document[StorageDocument.ETagProperty] as string;
        cached.Hash = json;
    }

    /// <summary>Empties the state; the empty state is written on the next save.</summary>
    public Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var previous = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey);
        // Cleared without being read this turn: the clear is meant whatever is stored, so it is written unconditionally.
        turnContext.TurnState.Set(TurnJsonKey, Json);
        var cleared = new CachedBotState(Json.Options) { ETag = previous is null ? "*" : previous.ETag, Hash = "\u0000forced" };
        cleared.Assigned();
        turnContext.TurnState[_contextServiceKey] = cleared;
        return Task.CompletedTask;
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_contextServiceKey);
        await Storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops what this turn loaded and changed, so the next access reads the store again (a turn run again after a conflict).</summary>
    public void DiscardChanges(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_contextServiceKey);
    }

    /// <summary>The loaded properties of this turn, for diagnostics and tests.</summary>
    public IReadOnlyDictionary<string, object?>? GetCachedState(ITurnContext turnContext) =>
        turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)?.State;

    protected abstract string GetStorageKey(ITurnContext turnContext);

    internal async Task<T?> GetPropertyValueAsync<T>(ITurnContext turnContext, string name, Func<T>? defaultValueFactory, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        var cached = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)!;
        if (cached.State.TryGetValue(name, out var value) && value is not null)
        {
            if (value is T typed)
            {
                return typed;
            }

            // Stored values come back as JSON; materialise once and keep the live object so changes to it are saved.
            var materialised = Json.As<T>(value);
            cached.State[name] = materialised;
            return materialised;
        }

        if (defaultValueFactory is null)
        {
            return default;
        }

        var created = defaultValueFactory();
        cached.State[name] = created;
        cached.CreatedDefault(name, created);
        return created;
    }

    internal async Task SetPropertyValueAsync(ITurnContext turnContext, string name, object? value, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        var cached = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)!;
        cached.State[name] = value;
        cached.Assigned();
    }

    internal async Task DeletePropertyValueAsync(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        var cached = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)!;
        cached.State.Remove(name);
        cached.Assigned();
    }

    private sealed class CachedBotState(JsonSerializerOptions options)
    {
        /// <summary>
        /// The JSON of each property created this turn from its default, as created, while nothing is stored under the
        /// key; null once anything is stored, assigned or deleted. A new conversation whose turn only created defaults
        /// and left them as they were (an FAQ question answered, nothing remembered) has nothing to save: the next turn
        /// creates the same defaults, so its first write waits for a turn that changes something.
        /// </summary>
        private Dictionary<string, string>? _defaults = [];

        public Dictionary<string, object?> State { get; private init; } = new(StringComparer.Ordinal);

        public string? ETag { get; set; }

        /// <summary>The JSON of the state as last loaded or saved: a save is skipped when nothing differs from it.</summary>
        public string Hash { get; set; } = "{}";

        public string Serialize() => JsonSerializer.Serialize(State, options);

        public void CreatedDefault(string name, object? value)
        {
            if (_defaults is not null && ETag is null)
            {
                _defaults[name] = JsonSerializer.Serialize(value, options);
            }
        }

        public void Assigned() => _defaults = null;

        /// <summary>Nothing is stored, and every property is a default created this turn, unchanged since.</summary>
        public bool HoldsOnlyUntouchedDefaults()
        {
            if (_defaults is null || ETag is not null || State.Count != _defaults.Count)
            {
                return false;
            }

            foreach (var (name, value) in State)
            {
                if (!_defaults.TryGetValue(name, out var created) || JsonSerializer.Serialize(value, options) != created)
                {
                    return false;
                }
            }

            return true;
        }

        public static CachedBotState FromStored(JsonElement element, JsonSerializerOptions options)
        {
            var cached = new CachedBotState(options);
            cached.Assigned();
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals(StorageDocument.ETagProperty))
                    {
                        cached.ETag = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    }
                    else
                    {
                        cached.State[property.Name] = property.Value;
                    }
                }
            }

            cached.Hash = cached.Serialize();
            return cached;
        }
    }
}
