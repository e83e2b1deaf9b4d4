using BotRuntime.Dialogs;
using BotRuntime.State;
using BotRuntime.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Telemetry;

// The composition of the runtime's state (stores, state JSON, scopes, dialogs' types) sits beside the other
// service registrations, outside the namespaces it composes, so none of them depends on another through it.
namespace Microsoft.Extensions.DependencyInjection;

public static class BotStateServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStorage"/> as the provider named by <c>BotState:Provider</c>, wrapped in retries for
    /// transient errors, the state JSON (<see cref="StateJson"/>, with the dialogs' types; add the bot's own with
    /// <see cref="BotStateBuilder.AddStateTypes"/>), and <see cref="ConversationState"/> over it. Add providers on the returned builder
    /// (<see cref="AddMemoryStore"/> here, SQLite, PostgreSQL and Azure Blobs in their own packages).
    /// </summary>
    public static BotStateBuilder AddBotState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(BotStateBuilder.SectionName);
        var builder = new BotStateBuilder(services, section);
        builder.AddStateTypes(DialogJsonContext.Default);
        services.TryAddSingleton(sp => new StateJson(sp.GetRequiredService<IOptions<BotStateJsonOptions>>().Value.TypeInfoResolvers));
        services.AddOptions<StorageRetryOptions>().Bind(section.GetSection(StorageRetryOptions.SectionName));
        services.AddResiliencePipeline(BotStateBuilder.ResiliencePipelineName, (pipeline, context) =>
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
                // Every store call is an attempt: a successful one is debug detail, not a line per call in the host's
                // log; a failed attempt and its retry keep their warning.
                SeverityProvider = args => args.Event is { EventName: "ExecutionAttempt", Severity: ResilienceEventSeverity.Information }
                    ? ResilienceEventSeverity.Debug
                    : args.Event.Severity,
            });
            if (context.ServiceProvider.GetService<TimeProvider>() is { } time)
            {
                pipeline.TimeProvider = time;
            }
        });
        services.AddSingleton<IStorage>(sp => new ResilientStorage(
            builder.Create(sp),
            sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(BotStateBuilder.ResiliencePipelineName)));
        services.AddSingleton<StorageHealthCheck>();
        services.AddSingleton<ConversationState>();
        return builder;
    }

    /// <summary>In-process state (<c>BotState:Provider = Memory</c>): for tests and a single development host.</summary>
    public static BotStateBuilder AddMemoryStore(this BotStateBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(BotStateBuilder.MemoryProvider, sp => new MemoryStorage(sp.GetRequiredService<StateJson>().Options, sp.GetService<TimeProvider>()));
    }
}
