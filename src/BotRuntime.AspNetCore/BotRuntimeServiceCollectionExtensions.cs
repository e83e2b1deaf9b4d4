using BotRuntime.AspNetCore.Authentication;
using BotRuntime.AspNetCore.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace BotRuntime.AspNetCore;

public static class BotRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the /api/messages adapter and the Bot Connector client. Options are bound from the configuration root,
    /// where the Bot Framework keys live (MicrosoftAppId...). Authentication services registered before this call win;
    /// otherwise local mode (no tokens) is used.
    /// </summary>
    public static IServiceCollection AddBotHttpAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>().Bind(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBotAuthenticator, LocalModeAuthenticator>();
        services.TryAddSingleton<IConnectorTokenProvider, NoConnectorTokenProvider>();

        services.AddHttpClient(BotConnectorClient.HttpClientName)
            .AddResilienceHandler("bot-connector", pipeline =>
            {
                // 429 and 5xx are retried; Retry-After is honoured by the retry strategy.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<BotConnectorClient>();
        services.TryAddSingleton<BotHttpAdapter>();
        return services;
    }
}
