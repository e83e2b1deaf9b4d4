namespace BotRuntime.Builder;

/// <summary>A per-turn bag of services and caches, keyed by name or by type.</summary>
public sealed class TurnContextStateCollection : Dictionary<string, object>
{
    public TurnContextStateCollection() : base(StringComparer.Ordinal) { }

    public T? Get<T>(string key) where T : class => TryGetValue(key, out var value) ? value as T : null;

    public T? Get<T>() where T : class => Get<T>(typeof(T).FullName!);

    public void Set<T>(T value) where T : class => this[typeof(T).FullName!] = value;

    public void Set<T>(string key, T value) where T : class => this[key] = value;
}
