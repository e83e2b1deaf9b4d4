using BotRuntime.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Telemetry;

namespace BotRuntime.Storage;

public static class BotStateServiceCollectionExtensions
{
    public const string SectionName = "BotState";
    public const string ProviderKey = "Provider";
    public const string MemoryProvider = "Memory";

    /// <summary>The resilience pipeline every store call runs through (transient errors retried with backoff).</summary>
    public const string ResiliencePipelineName = "BotRuntime.Storage";

    /// <summary>
    /// Registers <see cref="IStorage"/> as the provider named by <c>BotState:Provider</c>, wrapped in retries for
    /// transient errors, and <see cref="ConversationState"/> over it. Add providers on the returned builder
    /// (<see cref="AddMemoryStore"/> here, SQLite, PostgreSQL and Azure Blobs in their own packages).
    /// </summary>
    public static BotStateBuilder AddBotState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var builder = new BotStateBuilder(services, section);
        services.AddOptions<StorageRetryOptions>().Bind(section.GetSection(StorageRetryOptions.SectionName));
        services.AddResiliencePipeline(ResiliencePipelineName, (pipeline, context) =>
        {
            var retry = context.ServiceProvider.GetRequiredService<IOptions<StorageRetryOptions>>().Value;
            pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StorageUnavailableException>(),
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
            // Polly logs each attempt with its result; a store result is conversation state (health data), so only
            // its size is logged.
            pipeline.ConfigureTelemetry(new TelemetryOptions
            {
                // A host without logging (a test, a tool) still gets its store: the attempts are then not logged.
                LoggerFactory = context.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                ResultFormatter = (_, result) => result is System.Collections.ICollection items ? $"{items.Count} items" : result?.GetType().Name,
            });
            if (context.ServiceProvider.GetService<TimeProvider>() is { } time)
            {
                pipeline.TimeProvider = time;
            }
        });
        services.AddSingleton<IStorage>(sp => new ResilientStorage(
            builder.Create(sp),
            sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(ResiliencePipelineName)));
        services.AddSingleton<StorageHealthCheck>();
        services.AddSingleton<ConversationState>();
        return builder;
    }

    /// <summary>In-process state (<c>BotState:Provider = Memory</c>): for tests and a single development host.</summary>
    public static BotStateBuilder AddMemoryStore(this BotStateBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(MemoryProvider, sp => new MemoryStorage(timeProvider: sp.GetService<TimeProvider>()));
    }
}

/// <summary>How often and how patiently a store call that met a transient error is tried again (<c>BotState:Retry</c>).</summary>
public sealed class StorageRetryOptions
{
    public const string SectionName = "Retry";

    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
