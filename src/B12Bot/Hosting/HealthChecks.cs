using BotRuntime.Storage;
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

/// <summary>Ready: the state store answers a read (of a key nobody writes) within five seconds.</summary>
public sealed class StateStoreHealthCheck(IStorage storage) : IHealthCheck
{
    private static readonly string[] ProbeKey = ["health/probe"];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await storage.ReadAsync(ProbeKey, timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("state store reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: its message is not ours to vet.
            return HealthCheckResult.Unhealthy($"state store unreachable ({ex.GetType().Name})");
        }
    }
}

public static class B12HealthCheckExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>/healthz: the process answers (tag "live"); /readyz: content loaded and store reachable (tag "ready").</summary>
    public static IServiceCollection AddB12HealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<BotReadiness>();
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<ContentLoadedHealthCheck>("content", tags: [ReadyTag])
            .AddCheck<StateStoreHealthCheck>("state-store", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapB12HealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/readyz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
