using BotRuntime.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the bot's authentication:
    /// <list type="bullet">
    /// <item><see cref="BotFrameworkOptions"/> bound from the configuration root (MicrosoftAppId,
    /// MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId, AllowedTenants, ... as the SDK reads them),
    /// validated at start-up by <see cref="BotFrameworkOptionsValidator"/>.</item>
    /// <item><see cref="IBotAuthenticator"/>: <see cref="LocalModeAuthenticator"/> without an app id,
    /// <see cref="LocalEmulatorAuthenticator"/> with DisableAuthenticationForLocalEmulator (Development only), otherwise
    /// <see cref="BotFrameworkAuthenticator"/>; wrapped by <see cref="TenantRestrictionAuthenticator"/> when
    /// AllowedTenants is set.</item>
    /// <item><see cref="IConnectorTokenProvider"/>: none in local modes, client credentials for SingleTenant/MultiTenant,
    /// the managed identity endpoint for UserAssignedMSI.</item>
    /// <item>Named HttpClients <see cref="BotFrameworkHttpClientNames.OpenIdMetadata"/> and
    /// <see cref="BotFrameworkHttpClientNames.Tokens"/> with a short retry/timeout pipeline.</item>
    /// </list>
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration)
            .PostConfigure(options =>
            {
                // "AllowedTenants": "id1,id2" (one string, e.g. an environment variable) as well as an array.
                if (options.AllowedTenants.Count == 0 && configuration["AllowedTenants"] is { Length: > 0 } list)
                {
                    options.AllowedTenants.AddRange(list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }

                if (string.IsNullOrWhiteSpace(options.ManagedIdentityEndpoint) && configuration["IDENTITY_ENDPOINT"] is { Length: > 0 } endpoint)
                {
                    options.ManagedIdentityEndpoint = endpoint;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());

        services.AddHttpClient(BotFrameworkHttpClientNames.OpenIdMetadata).AddResilienceHandler("openid-metadata", ConfigureIdentityPipeline);
        services.AddHttpClient(BotFrameworkHttpClientNames.Tokens).AddResilienceHandler("connector-tokens", ConfigureIdentityPipeline);

        // Replace, not TryAdd: whether this runs before or after AddBotHttpAdapter (which falls back to local mode),
        // the configured authentication wins.
        services.Replace(ServiceDescriptor.Singleton<IBotAuthenticator>(CreateAuthenticator));
        services.Replace(ServiceDescriptor.Singleton<IConnectorTokenProvider>(provider => CreateTokenProvider(provider, configuration)));
        return services;
    }

    private static IBotAuthenticator CreateAuthenticator(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>();
        var settings = options.Value;
        IBotAuthenticator authenticator = settings.IsLocalMode
            ? ActivatorUtilities.CreateInstance<LocalModeAuthenticator>(services)
            : settings.DisableAuthenticationForLocalEmulator
                ? ActivatorUtilities.CreateInstance<LocalEmulatorAuthenticator>(services)
                : ActivatorUtilities.CreateInstance<BotFrameworkAuthenticator>(services);
        // "*" allows every tenant on purpose (the start-up check insists on a choice in Production).
        return settings.AllowedTenants.Count == 0 || settings.AllowedTenants.Exists(t => t.Trim() == "*")
            ? authenticator
            : new TenantRestrictionAuthenticator(authenticator, settings.AllowedTenants, services.GetRequiredService<ILogger<TenantRestrictionAuthenticator>>());
    }

    private static IConnectorTokenProvider CreateTokenProvider(IServiceProvider services, IConfiguration configuration)
    {
        var settings = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        if (settings.IsLocalMode || settings.DisableAuthenticationForLocalEmulator)
        {
            // Local emulators accept replies without a token, and a real token must never go to a local endpoint.
            return new NoConnectorTokenProvider();
        }

        if (MicrosoftAppTypes.Normalize(settings.MicrosoftAppType) == MicrosoftAppTypes.UserAssignedMsi)
        {
            return new ManagedIdentityTokenProvider(
                services.GetRequiredService<IOptions<BotFrameworkOptions>>(),
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<ManagedIdentityTokenProvider>>(),
                configuration["IDENTITY_HEADER"]);
        }

        return ActivatorUtilities.CreateInstance<ClientCredentialsTokenProvider>(services);
    }

    /// <summary>
    /// Identity endpoints get a short pipeline: two quick retries on transient failures (honouring Retry-After) and
    /// tight timeouts, so that with no network a request is refused within seconds instead of hanging.
    /// </summary>
    private static void ConfigureIdentityPipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder
            .AddTimeout(TimeSpan.FromSeconds(15))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = Polly.DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(TimeSpan.FromSeconds(5));
    }
}
