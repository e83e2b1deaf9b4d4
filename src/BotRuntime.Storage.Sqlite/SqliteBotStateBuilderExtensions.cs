using System.Globalization;
using BotRuntime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotRuntime.Storage.Sqlite;

public static class SqliteBotStateBuilderExtensions
{
    public const string ProviderName = "Sqlite";

    /// <summary>
    /// State in one SQLite file (<c>BotState:Provider = Sqlite</c>, <c>BotState:SqlitePath</c>, relative to the content
    /// root): the embedded default for one host. <c>BotState:SqliteBusyTimeout</c> (default 5 s): how long a write waits
    /// for a lock another process holds before the store reports itself unavailable.
    /// </summary>
    public static BotStateBuilder AddSqliteStore(this BotStateBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuredPath = builder.Configuration["SqlitePath"];
        if (builder.IsSelected(ProviderName) && string.IsNullOrWhiteSpace(configuredPath))
        {
            throw new InvalidOperationException("BotState:SqlitePath is required for the Sqlite provider.");
        }

        var configured = builder.Configuration["SqliteBusyTimeout"];
        var busyTimeout = SqliteDatabaseFile.DefaultBusyTimeout;
        if (!string.IsNullOrWhiteSpace(configured) && !TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out busyTimeout)
            || busyTimeout < TimeSpan.Zero || busyTimeout > TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException($"BotState:SqliteBusyTimeout is '{configured}': it must be a time span between 00:00:00 and 00:01:00.");
        }

        return builder.AddProvider(ProviderName, sp =>
        {
            var path = Path.IsPathRooted(configuredPath)
                ? configuredPath
                : Path.Combine(sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory(), configuredPath!);
            return new SqliteStorage(path, sp.GetRequiredService<StateJson>().Options, sp.GetService<TimeProvider>(), busyTimeout);
        });
    }
}
