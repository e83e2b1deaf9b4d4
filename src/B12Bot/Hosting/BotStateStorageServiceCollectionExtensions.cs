using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.DirectLine.PostgreSql;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Storage.AzureBlobs;
using BotRuntime.Storage.PostgreSql;
using BotRuntime.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace B12Bot.Hosting;

public static class BotStateStorageServiceCollectionExtensions
{
    /// <summary>Tag of the readiness checks (the state store's among them): /readyz runs the checks with this tag.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// Registers the state provider named by BotState:Provider (every provider the host ships is added here, once),
    /// the conversation and user state over it, the retention sweep and the store's readiness check.
    /// </summary>
    public static IServiceCollection AddBotStateStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotStateStorageOptions>()
            .Bind(configuration.GetSection(BotStateStorageOptions.SectionName))
            .Validate(o => o.IdleTimeout >= TimeSpan.FromMinutes(1) && o.SweepInterval >= TimeSpan.FromSeconds(1) && o.SweepInterval <= o.IdleTimeout, "BotState:IdleTimeout must be at least one minute and BotState:SweepInterval between one second and the idle timeout.")
            .ValidateOnStart();

        services.AddBotState(configuration)
            .AddMemoryStore()
            .AddSqliteStore()
            .AddPostgreSqlStore()
            .AddAzureBlobStore();

        // One retention figure for the whole conversation: the Direct Line history follows BotState:IdleTimeout unless
        // DirectLine:History:ConversationIdleTimeout is set on its own.
        if (string.IsNullOrEmpty(configuration["DirectLine:History:ConversationIdleTimeout"]))
        {
            services.AddOptions<DirectLineOptions>().Configure<IOptions<BotStateStorageOptions>>((directLine, state) =>
                directLine.History.ConversationIdleTimeout = state.Value.IdleTimeout);
        }

        // With PostgreSQL state, several instances serve the site: the Direct Line history and its stream notices go to
        // the same database (before AddDirectLineChannel, which then keeps it and requires the token signing key).
        services.AddPostgreSqlDirectLineHistory(configuration);

        services.AddSingleton<RetentionSweepService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweepService>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [ReadinessTag]);
        return services;
    }
}
