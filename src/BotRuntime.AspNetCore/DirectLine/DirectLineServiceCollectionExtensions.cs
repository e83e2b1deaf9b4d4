using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.AspNetCore.DirectLine.Streaming;
using BotRuntime.AspNetCore.DirectLine.Tokens;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The CORS policy on the Direct Line and page endpoints: the site origins from DirectLine:AllowedOrigins.</summary>
    public const string CorsPolicyName = "DirectLine";

    /// <summary>The history provider that several instances share (registered by BotRuntime.DirectLine.PostgreSql).</summary>
    public const string SharedHistoryProvider = "PostgreSql";

    /// <summary>
    /// Registers the self-hosted Direct Line channel (options from the <c>DirectLine</c> section, tokens, the in-memory
    /// history, streams, the page's token source and CORS). The bot is the <c>IBot</c> in DI, run through the
    /// <see cref="BotHttpAdapter"/> that <c>AddBotHttpAdapter</c> registers. The history is in memory or in SQLite
    /// (DirectLine:History:Provider); an <see cref="IConversationHistoryStore"/> registered before this call replaces both,
    /// as the shared PostgreSQL history does (with its <see cref="IConversationStreamRelay"/>) for several instances.
    /// </summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .Validate(o => string.IsNullOrEmpty(o.TokenSigningKey) || o.TokenSigningKey.Length >= 32, "DirectLine:TokenSigningKey must be at least 32 characters.")
            .Validate(o => o.TokenLifetime >= TimeSpan.FromMinutes(1) && o.TokenLifetime <= TimeSpan.FromDays(1), "DirectLine:TokenLifetime must be between 1 minute and 1 day.")
            .Validate(o => string.IsNullOrEmpty(o.Secret) || o.Secret.Length >= 16, "DirectLine:Secret must be at least 16 characters.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChannelId) && !string.IsNullOrWhiteSpace(o.BotId), "DirectLine:ChannelId and DirectLine:BotId must be set.")
            .Validate(o => o.MaxActivityBytes >= 1024 && o.MaxTextLength >= 1 && o.MaxActivitiesPerSet >= 1, "DirectLine size limits must be positive (MaxActivityBytes at least 1024).")
            .Validate(o => o.BotTurnTimeout > TimeSpan.Zero && o.KeepAliveInterval > TimeSpan.Zero, "DirectLine:BotTurnTimeout and KeepAliveInterval must be positive.")
            .Validate(o => o.History.MaxConversations >= 1 && o.History.MaxActivitiesPerConversation >= 1 && o.History.ConversationIdleTimeout > TimeSpan.Zero && o.History.MaxBytesPerConversation >= 1024, "DirectLine:History bounds must be positive (MaxBytesPerConversation at least 1024).")
            .Validate(o => o.MaxOpenStreams >= 0 && o.MaxStreamsPerClientAddress >= 0, "DirectLine:MaxOpenStreams and DirectLine:MaxStreamsPerClientAddress must be 0 (no limit) or more.")
            .Validate(o => o.ConversationLifetime >= TimeSpan.FromMinutes(5) && o.ConversationLifetime <= TimeSpan.FromDays(7), "DirectLine:ConversationLifetime must be between 5 minutes and 7 days.")
            .Validate(o => o.AllowedOrigins.TrueForAll(IsOrigin), "DirectLine:AllowedOrigins entries must be origins like https://www.example.com (scheme, host, optional port) or *.")
            .Validate(o => o.History.Provider is "Memory" or "Sqlite" or SharedHistoryProvider or "AzureBlobs", "DirectLine:History:Provider must be \"Memory\", \"Sqlite\" or \"PostgreSql\".")
            .Validate(o => o.History.Provider != "AzureBlobs", "DirectLine:History:Provider \"AzureBlobs\" is not offered: Blob Storage has no publish/subscribe to wake the instance that holds a visitor's WebSocket, so several instances cannot share a Direct Line conversation through it. With Azure Blob state, either run one instance for Direct Line (history \"Memory\" or \"Sqlite\"), or keep the history in PostgreSQL (\"PostgreSql\" with DirectLine:History:PostgreSql:ConnectionString).")
            .Validate(o => o.History.Provider != SharedHistoryProvider || !string.IsNullOrEmpty(o.TokenSigningKey), "DirectLine:TokenSigningKey is required when several instances serve Direct Line (DirectLine:History:Provider \"PostgreSql\", the default with BotState:Provider PostgreSql): every instance must accept the tokens the others issue. Set the same key (32+ characters) on every instance.")
            .Validate(o => o.History.Provider != "Sqlite" || (!string.IsNullOrWhiteSpace(o.History.SqlitePath) && !string.IsNullOrEmpty(o.TokenSigningKey)), "DirectLine:History:Provider \"Sqlite\" needs DirectLine:History:SqlitePath and DirectLine:TokenSigningKey (without a fixed key, tokens would not survive the restart the history survives).")
            .Validate(o => string.IsNullOrEmpty(o.WebChat.AzureSecret) || !string.IsNullOrEmpty(o.WebChat.Domain), "DirectLine:WebChat:AzureSecret needs DirectLine:WebChat:Domain (the Azure Direct Line URL).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationHistoryStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DirectLineOptions>>();
            var history = options.Value.History;
            var time = provider.GetRequiredService<TimeProvider>();
            if (history.Provider == SharedHistoryProvider)
            {
                throw new InvalidOperationException("DirectLine:History:Provider \"PostgreSql\" needs the PostgreSQL history registered before the channel (services.AddPostgreSqlDirectLineHistory, BotRuntime.DirectLine.PostgreSql).");
            }

            if (history.Provider != "Sqlite")
            {
                return new MemoryConversationHistoryStore(options, time);
            }

            var path = Path.IsPathRooted(history.SqlitePath)
                ? history.SqlitePath
                : Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, history.SqlitePath);
            return new SqliteConversationHistoryStore(path, history, time);
        });
        services.TryAddSingleton<ConversationStreamHub>();
        services.TryAddSingleton<StreamLimits>();
        services.TryAddSingleton<IConversationStreamRelay, InProcessStreamRelay>();
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<DirectLineCallerAuthenticator>();
        services.TryAddSingleton<DirectLineBotInvoker>();
        services.TryAddSingleton<DirectLineChannel>();
        services.AddDirectLineRateLimits();
        services.TryAddSingleton<SelfHostedTokenSource>();
        services.TryAddSingleton<AzureDirectLineTokenSource>();
        services.TryAddSingleton<IWebChatTokenSource>(provider =>
            string.IsNullOrEmpty(provider.GetRequiredService<IOptions<DirectLineOptions>>().Value.WebChat.AzureSecret)
                ? provider.GetRequiredService<SelfHostedTokenSource>()
                : provider.GetRequiredService<AzureDirectLineTokenSource>());
        services.AddHttpClient(AzureDirectLineTokenSource.HttpClientName).AddStandardResilienceHandler();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(CorsPolicyName, policy =>
            {
                var origins = directLine.Value.AllowedOrigins;
                if (origins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. origins]);
                }

                // What directlinejs and the page send: its RxJS ajax adds X-Requested-With to cross-origin calls too.
                policy.WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "X-Requested-With")
                    .WithMethods("GET", "POST")
                    .SetPreflightMaxAge(TimeSpan.FromHours(1));
            }));

        return services;
    }

    private static bool IsOrigin(string value) =>
        value == "*"
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.AbsolutePath == "/" && !value.EndsWith('/') && string.IsNullOrEmpty(uri.Query));
}
