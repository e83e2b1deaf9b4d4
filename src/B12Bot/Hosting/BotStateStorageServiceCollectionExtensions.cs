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
            .ValidateOnStart();

        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotStateStorageOptions>>().Value;
            if (options.Provider == "Memory")
            {
                return new MemoryStorage();
            }

            var path = Path.IsPathRooted(options.SqlitePath)
                ? options.SqlitePath
                : Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.SqlitePath);
            return new SqliteStorage(path, timeProvider: sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}
