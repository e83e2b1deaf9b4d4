using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotRuntime.Storage;

/// <summary>
/// Where state providers register themselves by name (each provider package adds an <c>AddXxx</c> extension on this
/// builder); <c>BotState:Provider</c> picks one of them. The name lives only in the provider's own extension.
/// </summary>
public sealed class BotStateBuilder
{
    public const string SectionName = "BotState";
    public const string ProviderKey = "Provider";
    public const string MemoryProvider = "Memory";

    /// <summary>The resilience pipeline every store call runs through (transient errors retried with backoff).</summary>
    public const string ResiliencePipelineName = "BotRuntime.Storage";

    private readonly Dictionary<string, Func<IServiceProvider, IStorage>> _providers = new(StringComparer.OrdinalIgnoreCase);

    internal BotStateBuilder(IServiceCollection services, IConfigurationSection configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    public IServiceCollection Services { get; }

    /// <summary>The <c>BotState</c> section: providers bind their own settings from it.</summary>
    public IConfigurationSection Configuration { get; }

    /// <summary>True when <c>BotState:Provider</c> names <paramref name="name"/>: a provider registers its options only then.</summary>
    public bool IsSelected(string name) => string.Equals(Configuration[ProviderKey], name, StringComparison.OrdinalIgnoreCase);

    public BotStateBuilder AddProvider(string name, Func<IServiceProvider, IStorage> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        _providers[name] = factory;
        return this;
    }

    /// <summary>Adds a source-generated JSON context for state types (the bot's own), tried before reflection.</summary>
    public BotStateBuilder AddStateTypes(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Services.Configure<BotStateJsonOptions>(options => options.TypeInfoResolvers.Add(resolver));
        return this;
    }

    internal IStorage Create(IServiceProvider services)
    {
        var name = Configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(name) || !_providers.TryGetValue(name, out var factory))
        {
            throw new InvalidOperationException(
                $"BotState:Provider is '{name}', which is not a registered state provider. Registered: {string.Join(", ", _providers.Keys.Order(StringComparer.Ordinal))}.");
        }

        return factory(services);
    }

    internal IReadOnlyCollection<string> Names => _providers.Keys;
}
