using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.AspNetCore.DirectLine.Streaming;
using BotRuntime.Storage.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotRuntime.DirectLine.PostgreSql;

public static class PostgreSqlDirectLineServiceCollectionExtensions
{
    /// <summary>
    /// When Direct Line is to be served by several instances, registers the shared history in PostgreSQL, the relay of
    /// live-only activities and the LISTEN connection that wakes this instance's streams. That is the case with
    /// <c>DirectLine:History:Provider = PostgreSql</c>, or, when that is not set, with <c>BotState:Provider = PostgreSql</c>.
    /// The database is <c>DirectLine:History:PostgreSql:ConnectionString</c>, else the state's
    /// <c>BotState:PostgreSql:ConnectionString</c>; the tables are <c>{DirectLine:History:PostgreSql:TablePrefix}_conversations</c>
    /// and <c>_activities</c> (default prefix <c>directline</c>). Otherwise it registers nothing. Call it before
    /// <c>AddDirectLineChannel</c>, whose validation then requires <c>DirectLine:TokenSigningKey</c>.
    /// </summary>
    public static IServiceCollection AddPostgreSqlDirectLineHistory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsSelected(configuration))
        {
            return services;
        }

        var section = configuration.GetSection("DirectLine:History:PostgreSql");
        var connectionString = string.IsNullOrWhiteSpace(section["ConnectionString"]) ? configuration["BotState:PostgreSql:ConnectionString"] : section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // A setting error like the others: listed at start, and the host does not start.
            services.AddOptions<DirectLineOptions>()
                .Validate(_ => false, "DirectLine:History:Provider \"PostgreSql\" (several instances) needs a database: set DirectLine:History:PostgreSql:ConnectionString or BotState:PostgreSql:ConnectionString.")
                .ValidateOnStart();
            return services;
        }

        var prefix = string.IsNullOrWhiteSpace(section["TablePrefix"]) ? "directline" : section["TablePrefix"]!;
        services.AddOptions<DirectLineOptions>().Configure(o => o.History.Provider = DirectLineServiceCollectionExtensions.SharedHistoryProvider);
        services.AddSingleton(sp =>
        {
            // Keepalives let the long-lived LISTEN connection notice a dead server instead of waiting forever.
            var dataSource = PostgreSqlDataSources.Create(connectionString, builder => builder.KeepAlive = 30);
            var instanceId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
            return new PostgreSqlConversationHistoryStore(
                dataSource,
                sp.GetRequiredService<IOptions<DirectLineOptions>>().Value.History,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                prefix,
                instanceId,
                sp.GetService<ILogger<PostgreSqlConversationHistoryStore>>());
        });
        services.AddSingleton<IConversationHistoryStore>(sp => sp.GetRequiredService<PostgreSqlConversationHistoryStore>());
        services.AddSingleton<IConversationStreamRelay, PostgreSqlStreamRelay>();
        services.AddSingleton<PostgreSqlStreamListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlStreamListener>());
        return services;
    }

    private static bool IsSelected(IConfiguration configuration)
    {
        var history = configuration["DirectLine:History:Provider"];
        return string.IsNullOrWhiteSpace(history)
            ? string.Equals(configuration["BotState:Provider"], "PostgreSql", StringComparison.OrdinalIgnoreCase)
            : string.Equals(history, DirectLineServiceCollectionExtensions.SharedHistoryProvider, StringComparison.OrdinalIgnoreCase);
    }
}
