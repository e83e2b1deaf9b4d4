using BotRuntime.Storage;
using BotRuntime.Storage.AzureBlobs;
using Microsoft.Extensions.Options;
using BotRuntime.Storage.PostgreSql;
using IMiddleware = BotRuntime.Builder.IMiddleware;

namespace B12Bot.Transcripts;

public static class TranscriptServiceCollectionExtensions
{
    /// <summary>
    /// The transcript store (always, so the "unanswered" command and the dashboard can read it) in the same kind of store
    /// as the conversation state (BotState:Provider): PostgreSQL and Azure Blobs are shared by every instance, so each
    /// shows the same unanswered-question groups; SQLite (also under Memory) is the instance's own file. When enabled,
    /// also the middleware that writes it, the retention sweep's and "delete my data"'s hold on it.
    /// </summary>
    public static IServiceCollection AddTranscriptStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TranscriptOptions>()
            .Bind(configuration.GetSection(TranscriptOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqlitePath), "Transcript:SqlitePath is required.")
            .Validate(o => o.Retention is null || o.Retention >= TimeSpan.FromMinutes(1), "Transcript:Retention must be at least one minute.")
            .ValidateOnStart();
        services.AddSingleton<ITranscriptStore>(sp => Create(sp, configuration, sp.GetRequiredService<IOptions<TranscriptOptions>>().Value));
        if (configuration.GetSection(TranscriptOptions.SectionName).Get<TranscriptOptions>()?.Enabled == true)
        {
            services.AddSingleton<IExpiringStore>(sp => sp.GetRequiredService<ITranscriptStore>());
            services.AddSingleton<IConversationDataStore>(sp => sp.GetRequiredService<ITranscriptStore>());
            services.AddSingleton<TranscriptMiddleware>();
        }

        return services;
    }

    private static ITranscriptStore Create(IServiceProvider services, IConfiguration configuration, TranscriptOptions options)
    {
        var state = configuration.GetSection(BotStateBuilder.SectionName);
        var time = services.GetRequiredService<TimeProvider>();
        switch (state[BotStateBuilder.ProviderKey]?.ToUpperInvariant())
        {
            case "POSTGRESQL":
                return new PostgreSqlTranscriptStore(PostgreSqlDataSources.Create(state["PostgreSql:ConnectionString"]!), options.PostgreSqlTable, options.Retention, time);
            case "AZUREBLOBS":
                return new AzureBlobTranscriptStore(
                    AzureBlobBotStateBuilderExtensions.CreateContainerClient(state["AzureBlobs:ConnectionString"]!, options.AzureBlobsContainer), options.Retention, time);
            default:
                var path = Path.IsPathRooted(options.SqlitePath)
                    ? options.SqlitePath
                    : Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, options.SqlitePath);
                return new SqliteTranscriptStore(path, options.Retention, time);
        }
    }

    /// <summary>Adds the transcript to the turn pipeline when enabled (outside the safety triage, so it sees its result).</summary>
    public static IServiceCollection AddTranscriptMiddleware(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(TranscriptOptions.SectionName).Get<TranscriptOptions>()?.Enabled == true)
        {
            services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<TranscriptMiddleware>());
        }

        return services;
    }
}
