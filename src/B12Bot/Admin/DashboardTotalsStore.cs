using System.Globalization;
using System.Text.Json;
using BotRuntime.Storage;
using BotRuntime.Storage.AzureBlobs;
using BotRuntime.Storage.PostgreSql;
using BotRuntime.Storage.Sqlite;
using Polly.Registry;

namespace B12Bot.Admin;

/// <summary>
/// The dashboard's daily totals, one document per UTC day, in the same kind of store as conversation state
/// (BotState:Provider) but in a place of their own (B12Bot:Admin:SqlitePath, PostgreSqlTable or AzureBlobsContainer):
/// the retention sweep empties the state store of everything idle for 30 minutes, and these totals hold no personal
/// data and must outlive it. Instances add their counts with eTag-checked writes, so none is lost to another.
/// </summary>
public sealed class DashboardTotalsStore(IStorage storage) : IAsyncDisposable
{
    private const int MaxAttempts = 8;

    public static DashboardTotalsStore Create(IServiceProvider services, IConfiguration configuration, AdminOptions options)
    {
        var section = configuration.GetSection(BotStateBuilder.SectionName);
        var time = services.GetService<TimeProvider>();
        IStorage inner = section[BotStateBuilder.ProviderKey]?.ToUpperInvariant() switch
        {
            "SQLITE" => new SqliteStorage(
                Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, options.SqlitePath),
                timeProvider: time),
            "POSTGRESQL" => new PostgreSqlStorage(PostgreSqlDataSources.Create(section["PostgreSql:ConnectionString"]!), options.PostgreSqlTable, timeProvider: time),
            "AZUREBLOBS" => new AzureBlobStorage(AzureBlobBotStateBuilderExtensions.CreateContainerClient(section["AzureBlobs:ConnectionString"]!, options.AzureBlobsContainer)),
            _ => new MemoryStorage(timeProvider: time),
        };
        var pipeline = services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(BotStateBuilder.ResiliencePipelineName);
        return new DashboardTotalsStore(new ResilientStorage(inner, pipeline));
    }

    public static string KeyOf(DateOnly day) => "b12bot-dashboard/days/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Adds <paramref name="counts"/> to the stored day: read, add, write against the eTag read, again on a conflict.</summary>
    public async Task AddAsync(DateOnly day, DailyTally counts, CancellationToken cancellationToken)
    {
        var key = KeyOf(day);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await ReadOneAsync(key, cancellationToken).ConfigureAwait(false);
            var total = stored ?? new DailyTally { ETag = StorageDocument.AbsentETag };
            total.Add(counts);
            var document = JsonSerializer.SerializeToNode(total, AdminJsonContext.Default.DailyTally)!;
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = document }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (EtagConflictException) when (attempt < MaxAttempts)
            {
                // Another instance added its counts first: read its total and add ours to that.
            }
        }
    }

    /// <summary>The stored days from <paramref name="first"/> to <paramref name="last"/>, each (empty when nothing was counted).</summary>
    public async Task<IReadOnlyList<(DateOnly Day, DailyTally Tally)>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var days = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(day);
        }

        var stored = await storage.ReadAsync([.. days.Select(KeyOf)], cancellationToken).ConfigureAwait(false);
        return [.. days.Select(day => (day, stored.TryGetValue(KeyOf(day), out var value) ? Parse(value) ?? new DailyTally() : new DailyTally()))];
    }

    private async Task<DailyTally?> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return stored.TryGetValue(key, out var value) ? Parse(value) : null;
    }

    private static DailyTally? Parse(object value) => value switch
    {
        JsonElement element => element.Deserialize(AdminJsonContext.Default.DailyTally),
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        var inner = storage is ResilientStorage resilient ? resilient.Inner : storage;
        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
