using BotRuntime.Storage;
using Microsoft.Extensions.Options;
using IMiddleware = BotRuntime.Builder.IMiddleware;

namespace B12Bot.Transcripts;

public static class TranscriptServiceCollectionExtensions
{
    /// <summary>The SQLite transcript store (always, so the "unanswered" command can read it) and, when enabled, the middleware that writes it.</summary>
    public static IServiceCollection AddTranscriptStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TranscriptOptions>()
            .Bind(configuration.GetSection(TranscriptOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqlitePath), "Transcript:SqlitePath is required.")
            .Validate(o => o.Retention is null || o.Retention >= TimeSpan.FromMinutes(1), "Transcript:Retention must be at least one minute.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TranscriptOptions>>().Value;
            var path = Path.IsPathRooted(options.SqlitePath)
                ? options.SqlitePath
                : Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.SqlitePath);
            return new SqliteTranscriptStore(path, options.Retention, sp.GetRequiredService<TimeProvider>());
        });
        if (configuration.GetSection(TranscriptOptions.SectionName).Get<TranscriptOptions>()?.Enabled == true)
        {
            services.AddSingleton<IExpiringStore>(sp => sp.GetRequiredService<SqliteTranscriptStore>());
            services.AddSingleton<IConversationDataStore>(sp => sp.GetRequiredService<SqliteTranscriptStore>());
            services.AddSingleton<TranscriptMiddleware>();
        }

        return services;
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
