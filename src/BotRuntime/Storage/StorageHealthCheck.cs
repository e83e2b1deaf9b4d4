using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BotRuntime.Storage;

/// <summary>
/// Readiness of the state store: one read of a key nobody writes, or the store's own probe
/// (<see cref="IStorageReadinessProbe"/>). Unhealthy while the store cannot be reached, so a load balancer stops
/// sending turns to an instance that could only answer "try again in a moment".
/// </summary>
public sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    public const string Name = "state-store";

    /// <summary>The key the readiness read asks for; nobody writes it.</summary>
    public const string ProbeKey = "health/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var probe = storage is ResilientStorage resilient ? resilient.Inner : storage;
            if (probe is IStorageReadinessProbe readiness)
            {
                await readiness.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await probe.ReadAsync([ProbeKey], cancellationToken).ConfigureAwait(false);
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: a store's exception message can carry connection details.
            return HealthCheckResult.Unhealthy($"The state store is unavailable ({ex.GetType().Name}).");
        }
    }
}
