using BotRuntime.AspNetCore;
using BotRuntime.AspNetCore.Authentication;
using BotRuntime.Authentication.Tests.Support;
using BotRuntime.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotRuntime.Authentication.Tests.Authentication;

/// <summary>
/// AddBotFrameworkAuthentication as the host uses it: settings read from the configuration root with the SDK's key
/// names, the right authenticator and token source for each kind of bot identity, and a host that refuses to start with
/// the emulator-only switch outside Development but starts (and refuses requests) without network.
/// </summary>
public sealed class AuthenticationRegistrationTests
{
    private const string Secret = "registration-test-secret";

    [Fact]
    public void Without_an_app_id_the_bot_runs_in_local_mode()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<LocalModeAuthenticator>(services.GetRequiredService<IBotAuthenticator>());
        Assert.IsType<NoConnectorTokenProvider>(services.GetRequiredService<IConnectorTokenProvider>());
    }

    [Fact]
    public void A_single_tenant_bot_validates_tokens_and_asks_its_own_tenant_for_outbound_tokens()
    {
        using var services = Build(SingleTenant());

        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        Assert.Equal(TeamsFixtures.AppId, options.MicrosoftAppId);
        Assert.Equal(Secret, options.MicrosoftAppPassword);
        Assert.IsType<BotFrameworkAuthenticator>(services.GetRequiredService<IBotAuthenticator>());
        var tokens = Assert.IsType<ClientCredentialsTokenProvider>(services.GetRequiredService<IConnectorTokenProvider>());
        Assert.Equal($"https://login.microsoftonline.com/{TeamsFixtures.ClinicTenant}/oauth2/v2.0/token", tokens.TokenEndpoint.ToString());
    }

    [Fact]
    public void A_multi_tenant_bot_asks_the_botframework_tenant()
    {
        var settings = SingleTenant();
        settings["MicrosoftAppType"] = "multitenant";
        using var services = Build(settings);

        var tokens = Assert.IsType<ClientCredentialsTokenProvider>(services.GetRequiredService<IConnectorTokenProvider>());
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", tokens.TokenEndpoint.ToString());
    }

    [Fact]
    public void A_user_assigned_managed_identity_uses_the_managed_identity_endpoint()
    {
        var settings = SingleTenant();
        settings["MicrosoftAppType"] = "UserAssignedMSI";
        settings["MicrosoftAppPassword"] = "";
        settings["IDENTITY_ENDPOINT"] = "http://127.0.0.1:41999/msi/token";
        using var services = Build(settings);

        Assert.IsType<ManagedIdentityTokenProvider>(services.GetRequiredService<IConnectorTokenProvider>());
        Assert.Equal("http://127.0.0.1:41999/msi/token", services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.ManagedIdentityEndpoint);
    }

    [Theory]
    [InlineData("AllowedTenants", TeamsFixtures.ClinicTenant + ";11111111-2222-4333-8444-555555555555")]
    [InlineData("AllowedTenants:0", TeamsFixtures.ClinicTenant)]
    public void Allowed_tenants_wrap_the_authenticator_whether_given_as_a_list_or_one_string(string key, string value)
    {
        var settings = SingleTenant();
        settings[key] = value;
        using var services = Build(settings);

        var restricted = Assert.IsType<TenantRestrictionAuthenticator>(services.GetRequiredService<IBotAuthenticator>());
        Assert.IsType<BotFrameworkAuthenticator>(restricted.Inner);
        Assert.Contains(TeamsFixtures.ClinicTenant, services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.AllowedTenants);
    }

    [Fact]
    public void The_configured_authentication_wins_whichever_of_the_two_registrations_comes_first()
    {
        var settings = SingleTenant();
        settings["AllowedTenants"] = "*";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        foreach (var authenticationFirst in new[] { true, false })
        {
            var collection = new ServiceCollection();
            collection.AddLogging();
            collection.AddSingleton<IHostEnvironment>(new TestEnvironment(Environments.Production));
            if (authenticationFirst)
            {
                collection.AddBotFrameworkAuthentication(configuration);
                collection.AddBotHttpAdapter(configuration);
            }
            else
            {
                collection.AddBotHttpAdapter(configuration);
                collection.AddBotFrameworkAuthentication(configuration);
            }

            using var services = collection.BuildServiceProvider();
            Assert.IsType<BotFrameworkAuthenticator>(services.GetRequiredService<IBotAuthenticator>());
            Assert.IsType<ClientCredentialsTokenProvider>(services.GetRequiredService<IConnectorTokenProvider>());
        }
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_authentication_off_outside_Development()
    {
        var settings = SingleTenant();
        settings["DisableAuthenticationForLocalEmulator"] = "true";
        await using var app = BuildHost(settings, Environments.Production);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("DisableAuthenticationForLocalEmulator", error.Message);
    }

    [Fact]
    public async Task In_Development_the_emulator_switch_accepts_local_emulators_only_and_sends_no_tokens()
    {
        var settings = SingleTenant();
        settings["DisableAuthenticationForLocalEmulator"] = "true";
        await using var app = BuildHost(settings, Environments.Development);
        await app.StartAsync();

        var authenticator = app.Services.GetRequiredService<IBotAuthenticator>();
        Assert.IsType<LocalEmulatorAuthenticator>(authenticator);
        Assert.IsType<NoConnectorTokenProvider>(app.Services.GetRequiredService<IConnectorTokenProvider>());

        var playground = TeamsFixtures.Load("teams-personal-message");
        playground.ServiceUrl = "http://localhost:56150/_connector";
        Assert.True((await authenticator.AuthenticateAsync(playground, null, CancellationToken.None)).Succeeded);
        playground.ServiceUrl = "http://127.0.0.1:56150/_connector";
        Assert.True((await authenticator.AuthenticateAsync(playground, null, CancellationToken.None)).Succeeded);

        // A request that would make the bot talk to a remote service is still refused.
        var remote = TeamsFixtures.Load("teams-personal-message");
        Assert.Equal(403, (await authenticator.AuthenticateAsync(remote, null, CancellationToken.None)).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task Without_network_the_host_starts_stays_up_and_refuses_requests()
    {
        var settings = SingleTenant();
        settings["ToBotFromChannelOpenIdMetadataUrl"] = FreePort.ClosedLoopbackUrl("/v1/.well-known/openidconfiguration");
        settings["ToBotFromEmulatorOpenIdMetadataUrl"] = FreePort.ClosedLoopbackUrl("/common/v2.0/.well-known/openid-configuration");
        settings["AllowedTenants"] = TeamsFixtures.ClinicTenant;
        await using var app = BuildHost(settings, Environments.Production);
        app.MapGet("/alive", () => "ok");
        app.MapPost("/check", async (HttpContext context, IBotAuthenticator authenticator) =>
        {
            var outcome = await authenticator.AuthenticateAsync(TeamsFixtures.Load("teams-personal-message"), context.Request.Headers.Authorization.ToString(), context.RequestAborted);
            return Results.StatusCode(outcome.StatusCode);
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var key = new TestSigningKey("k1", "msteams");
        var token = TokenMinter.Mint(key, "https://api.botframework.com", TeamsFixtures.AppId, DateTimeOffset.UtcNow,
            new Dictionary<string, object> { ["serviceurl"] = TeamsFixtures.TeamsServiceUrl });

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/check");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            Assert.Equal(401, (int)response.StatusCode);
        }

        Assert.Equal("ok", await client.GetStringAsync("/alive"));
        await app.StopAsync();
    }

    [Fact]
    public async Task In_Production_a_bot_with_an_app_id_does_not_start_until_its_tenants_are_listed()
    {
        await using var app = BuildHost(SingleTenant(), Environments.Production);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("AllowedTenants is required in Production", error.Message);
    }

    [Fact]
    public async Task A_star_allows_every_tenant_on_purpose_and_Development_needs_no_list()
    {
        var everyTenant = SingleTenant();
        everyTenant["AllowedTenants"] = "*";
        await using var production = BuildHost(everyTenant, Environments.Production);
        await production.StartAsync();
        await using var development = BuildHost(SingleTenant(), Environments.Development);
        await development.StartAsync();

        Assert.IsType<BotFrameworkAuthenticator>(production.Services.GetRequiredService<IBotAuthenticator>());
        Assert.IsType<BotFrameworkAuthenticator>(development.Services.GetRequiredService<IBotAuthenticator>());
        await production.StopAsync();
        await development.StopAsync();
    }

    [Theory]
    [InlineData("SingleTenant", "secret", "", "needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "", TeamsFixtures.ClinicTenant, "needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", "secret", TeamsFixtures.ClinicTenant, "must not have a MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "", "", "needs MicrosoftAppId and MicrosoftAppTenantId")]
    [InlineData("MultiTenant", "", "", "needs MicrosoftAppId and MicrosoftAppPassword")]
    [InlineData("SingelTenant", "secret", TeamsFixtures.ClinicTenant, "MicrosoftAppType must be")]
    public void Incomplete_identities_are_reported_at_start_up(string appType, string password, string tenant, string expected)
    {
        var validator = new BotFrameworkOptionsValidator(new TestEnvironment(Environments.Production));
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = TeamsFixtures.AppId,
            MicrosoftAppType = appType,
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenant,
        };

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://login.botframework.example/v1/.well-known/openidconfiguration", false)]
    [InlineData("not a url", false)]
    [InlineData("http://127.0.0.1:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    public void Metadata_urls_must_be_https_except_on_this_machine(string url, bool accepted)
    {
        var validator = new BotFrameworkOptionsValidator(new TestEnvironment(Environments.Production));
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = TeamsFixtures.AppId,
            MicrosoftAppType = "SingleTenant",
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = TeamsFixtures.ClinicTenant,
            ToBotFromChannelOpenIdMetadataUrl = url,
            AllowedTenants = ["*"],
        };

        Assert.Equal(accepted, validator.Validate(null, options).Succeeded);
    }

    private static Dictionary<string, string?> SingleTenant() => new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = TeamsFixtures.AppId,
        ["MicrosoftAppPassword"] = Secret,
        ["MicrosoftAppTenantId"] = TeamsFixtures.ClinicTenant,
    };

    /// <summary>The services in Production; tenants are "*" unless the test names some (Production insists on a choice).</summary>
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings = new Dictionary<string, string?>(settings);
        if (!settings.Keys.Any(k => k.StartsWith("AllowedTenants", StringComparison.Ordinal)))
        {
            settings["AllowedTenants"] = "*";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IHostEnvironment>(new TestEnvironment(Environments.Production));
        collection.AddBotFrameworkAuthentication(configuration);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static WebApplication BuildHost(Dictionary<string, string?> settings, string environment)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBotFrameworkAuthentication(builder.Configuration);
        return builder.Build();
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
