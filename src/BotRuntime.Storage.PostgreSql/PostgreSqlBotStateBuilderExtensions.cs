using BotRuntime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BotRuntime.Storage.PostgreSql;

public static class PostgreSqlBotStateBuilderExtensions
{
    public const string ProviderName = "PostgreSql";

    /// <summary>
    /// State in PostgreSQL (<c>BotState:Provider = PostgreSql</c>): <c>BotState:PostgreSql:ConnectionString</c> and
    /// optionally <c>BotState:PostgreSql:Table</c> (default bot_state). Several host instances share one database.
    /// </summary>
    public static BotStateBuilder AddPostgreSqlStore(this BotStateBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ProviderName);
        var connectionString = section["ConnectionString"];
        if (builder.IsSelected(ProviderName) && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("BotState:PostgreSql:ConnectionString is required for the PostgreSql provider.");
        }

        var table = string.IsNullOrWhiteSpace(section["Table"]) ? "bot_state" : section["Table"]!;
        return builder.AddProvider(ProviderName, sp =>
        {
            var dataSource = PostgreSqlDataSources.Create(connectionString!);
            return new PostgreSqlStorage(dataSource, table, sp.GetRequiredService<StateJson>().Options, sp.GetService<TimeProvider>());
        });
    }
}
