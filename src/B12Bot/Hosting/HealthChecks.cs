using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace B12Bot.Hosting;

/// <summary>Set once the content is loaded and validated and the first turn has run (by <see cref="BotWarmUpService"/>).</summary>
public sealed class BotReadiness
{
    private volatile bool _contentLoaded;

    public bool ContentLoaded => _contentLoaded;

    public void MarkContentLoaded() => _contentLoaded = true;
}

/// <summary>Ready: the content is loaded and validated.</summary>
public sealed class ContentLoadedHealthCheck(BotReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.ContentLoaded ? HealthCheckResult.Healthy("content loaded") : HealthCheckResult.Unhealthy("content not loaded yet"));
}

/// <summary>
/// Ready unless the sentence-embedding model failed to load: messages the first stage leaves undecided could not be
/// answered. While it loads, the first stage answers and the rest wait for it (without the cascade, the warm-up keeps
/// the content check unready until it has loaded).
/// </summary>
public sealed class SentenceEmbedderHealthCheck(MiniLmSentenceEmbedder embedder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(embedder.Loaded.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy("model loaded"),
            TaskStatus.Faulted or TaskStatus.Canceled => HealthCheckResult.Unhealthy("the sentence-embedding model could not be loaded"),
            _ => HealthCheckResult.Healthy("model loading; messages that need it wait for it"),
        });
}

public static class B12HealthCheckExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = BotStateStorageServiceCollectionExtensions.ReadinessTag;

    /// <summary>/healthz: the process answers (tag "live"); /readyz: content loaded, the model not failed and store reachable (tag "ready").</summary>
    public static IServiceCollection AddB12HealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<BotReadiness>();
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<ContentLoadedHealthCheck>("content", tags: [ReadyTag])
            .AddCheck<SentenceEmbedderHealthCheck>("sentence-embedding model", tags: [ReadyTag]);
        // The state store's check (tag "ready") comes with AddBotStateStorage.
        return services;
    }

    public static WebApplication MapB12HealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/readyz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
