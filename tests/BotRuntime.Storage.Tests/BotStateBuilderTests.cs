using System.Text.Json;
using System.Text.Json.Serialization;
using BotRuntime.State;
using BotRuntime.Storage.AzureBlobs;
using BotRuntime.Storage.PostgreSql;
using BotRuntime.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace BotRuntime.Storage.Tests;

/// <summary>BotState:Provider picks one of the registered providers; a transient error is retried, a conflict never.</summary>
public sealed class BotStateBuilderTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddBotState(configuration).AddMemoryStore().AddSqliteStore().AddPostgreSqlStore().AddAzureBlobStore();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_configured_provider_is_the_one_behind_IStorage()
    {
        var folder = Directory.CreateTempSubdirectory("b12-builder-").FullName;
        var storage = Build(new() { ["BotState:Provider"] = "sqlite", ["BotState:SqlitePath"] = Path.Combine(folder, "s.db") }).GetRequiredService<IStorage>();

        Assert.IsType<SqliteStorage>(Assert.IsType<ResilientStorage>(storage).Inner);
        Assert.IsType<MemoryStorage>(((ResilientStorage)Build(new() { ["BotState:Provider"] = "Memory" }).GetRequiredService<IStorage>()).Inner);
    }

    [Fact]
    public void An_unknown_provider_stops_the_start_naming_the_registered_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["BotState:Provider"] = "Redis" }).GetRequiredService<IStorage>());

        Assert.Contains("'Redis'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureBlobs, Memory, PostgreSql, Sqlite", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PostgreSql", "BotState:PostgreSql:ConnectionString")]
    [InlineData("AzureBlobs", "BotState:AzureBlobs:ConnectionString")]
    [InlineData("Sqlite", "BotState:SqlitePath")]
    public void A_chosen_provider_without_its_setting_is_a_clear_error(string provider, string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["BotState:Provider"] = provider }));
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_call_that_meets_a_transient_error_is_retried_and_a_conflict_is_not()
    {
        var flaky = new FlakyStorage(failures: 2);
        var pipeline = new ResiliencePipelineBuilder().AddRetry(new Polly.Retry.RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<StorageUnavailableException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(1),
        }).Build();
        var storage = new ResilientStorage(flaky, pipeline);

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object?> { ["n"] = 1 } });
        Assert.Equal(3, flaky.Calls);

        flaky.Conflict = true;
        await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object?> { ["n"] = 2 } }));
        Assert.Equal(4, flaky.Calls);
    }

    [Fact]
    public async Task A_state_type_added_on_the_builder_is_written_by_the_store_and_read_back_with_its_own_json_context()
    {
        var services = new ServiceCollection();
        services.AddBotState(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BotState:Provider"] = "Memory" }).Build())
            .AddMemoryStore()
            .AddStateTypes(ReminderJsonContext.Default);
        var provider = services.BuildServiceProvider();
        var json = provider.GetRequiredService<StateJson>();
        var storage = provider.GetRequiredService<IStorage>();

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object?> { ["reminder"] = new Reminder(Urgency.Soon) } });
        var stored = ((JsonElement)(await storage.ReadAsync(["k"]))["k"]).GetProperty("reminder");

        // The context writes the enum by name; the runtime's defaults alone would write a number and could not read the name.
        Assert.Equal("Soon", stored.GetProperty("urgency").GetString());
        Assert.Equal(Urgency.Soon, json.As<Reminder>(stored)!.Urgency);
        Assert.Throws<JsonException>(() => StateJson.Default.As<Reminder>(stored));
        Assert.Same(json, provider.GetRequiredService<ConversationState>().Json);
    }

    private sealed class FlakyStorage(int failures) : IStorage
    {
        private readonly MemoryStorage _inner = new();
        private int _failuresLeft = failures;

        public int Calls { get; private set; }

        public bool Conflict { get; set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (Conflict)
            {
                throw new EtagConflictException("k");
            }

            return _failuresLeft-- > 0 ? throw new StorageUnavailableException("flaky", new TimeoutException()) : _inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
    }
}

public enum Urgency
{
    Later,
    Soon,
}

public sealed record Reminder(Urgency Urgency);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Reminder))]
internal sealed partial class ReminderJsonContext : JsonSerializerContext;
