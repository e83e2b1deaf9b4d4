using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.State;
using BotRuntime.Storage;
using Microsoft.Extensions.Options;

namespace B12Bot.Hosting;

public static class BotStateStorageServiceCollectionExtensions
{
    /// <summary>Registers the configured <see cref="IStorage"/> and the conversation and user state over it.</summary>
    public static IServiceCollection AddBotStateStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotStateStorageOptions>()
            .Bind(configuration.GetSection(BotStateStorageOptions.SectionName))
            .Validate(o => o.Provider is "Sqlite" or "Memory", "BotState:Provider must be \"Sqlite\" or \"Memory\".")
            .Validate(o => o.Provider != "Sqlite" || !string.IsNullOrWhiteSpace(o.SqlitePath), "BotState:SqlitePath is required for the Sqlite provider.")
            .Validate(o => o.IdleTimeout >= TimeSpan.FromMinutes(1) && o.SweepInterval >= TimeSpan.FromSeconds(1) && o.SweepInterval <= o.IdleTimeout, "BotState:IdleTimeout must be at least one minute and BotState:SweepInterval between one second and the idle timeout.")
            .ValidateOnStart();

        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotStateStorageOptions>>().Value;
            if (options.Provider == "Memory")
            {
                return new MemoryStorage(timeProvider: sp.GetRequiredService<TimeProvider>());
            }

            var path = Path.IsPathRooted(options.SqlitePath)
                ? options.SqlitePath
                : Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.SqlitePath);
            return new SqliteStorage(path, timeProvider: sp.GetRequiredService<TimeProvider>());
        });
        // One retention figure for the whole conversation: the Direct Line history follows BotState:IdleTimeout unless
        // DirectLine:History:ConversationIdleTimeout is set on its own.
        if (string.IsNullOrEmpty(configuration["DirectLine:History:ConversationIdleTimeout"]))
        {
            services.AddOptions<DirectLineOptions>().Configure<IOptions<BotStateStorageOptions>>((directLine, state) =>
                directLine.History.ConversationIdleTimeout = state.Value.IdleTimeout);
        }

        services.AddSingleton<RetentionSweepService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweepService>());
        services.AddSingleton<ConversationState>();
        return services;
    }
}
