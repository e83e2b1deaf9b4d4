using BotRuntime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotRuntime.Storage.Sqlite;

public static class SqliteBotStateBuilderExtensions
{
    public const string ProviderName = "Sqlite";

    /// <summary>
    /// State in one SQLite file (<c>BotState:Provider = Sqlite</c>, <c>BotState:SqlitePath</c>, relative to the content
    /// root): the embedded default for one host.
    /// </summary>
    public static BotStateBuilder AddSqliteStore(this BotStateBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuredPath = builder.Configuration["SqlitePath"];
        if (builder.IsSelected(ProviderName) && string.IsNullOrWhiteSpace(configuredPath))
        {
            throw new InvalidOperationException("BotState:SqlitePath is required for the Sqlite provider.");
        }

        return builder.AddProvider(ProviderName, sp =>
        {
            var path = Path.IsPathRooted(configuredPath)
                ? configuredPath
                : Path.Combine(sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory(), configuredPath!);
            return new SqliteStorage(path, timeProvider: sp.GetService<TimeProvider>());
        });
    }
}
