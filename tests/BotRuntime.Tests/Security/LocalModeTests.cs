using System.Collections.Concurrent;
using System.Net;
using BotRuntime.AspNetCore;
using BotRuntime.AspNetCore.Authentication;
using BotRuntime.AspNetCore.Connector;
using BotRuntime.Schema;
using BotRuntime.Storage;
using BotRuntime.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotRuntime.Tests.Security;

/// <summary>
/// Finding 1 (blind SSRF): without an app id the bot must not accept activities from anyone in Production, and must
/// never POST replies to whatever serviceUrl a request names.
/// </summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _trapped = new();
    private WebApplication _trap = null!;
    private string _trapUrl = null!;

    public async Task InitializeAsync()
    {
        // Stands for an internal admin port on the bot's machine: it records every request that reaches it.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _trap = builder.Build();
        _trap.Run(context =>
        {
            _trapped.Enqueue(context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        await _trap.StartAsync();
        _trapUrl = _trap.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/internal/admin/";
    }

    public async Task DisposeAsync() => await _trap.DisposeAsync();

    [Fact]
    public async Task In_production_without_an_app_id_api_messages_answers_401_and_nothing_is_sent_to_the_named_service_url()
    {
        await using var host = await LoopbackBotHost.StartAsync(new MemoryStorage(), environment: Environments.Production);

        using var normal = await host.Client.PostAsync(Activities.Message("hello", serviceUrl: _trapUrl, deliveryMode: DeliveryModes.Normal));
        using var expectReplies = await host.Client.PostAsync(Activities.Message("hello", serviceUrl: _trapUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, normal.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expectReplies.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_trapped);
    }

    [Fact]
    public async Task In_development_a_local_tool_on_loopback_is_answered_but_a_remote_service_url_is_refused()
    {
        await using var host = await LoopbackBotHost.StartAsync(new MemoryStorage());

        using var local = await host.Client.PostAsync(Activities.Message("hello", serviceUrl: "http://127.0.0.1:9/"));
        using var remote = await host.Client.PostAsync(Activities.Message("hello", serviceUrl: "https://attacker.example/", deliveryMode: DeliveryModes.Normal));

        Assert.Equal("count 1", Assert.Single(await local.RepliesAsync()).Text);
        Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://webchat.botframework.com/", true)]
    [InlineData("https://europe.directline.botframework.com/", true)]
    [InlineData("http://webchat.botframework.com/", false)]
    [InlineData("https://webchat.botframework.com:8443/", false)]
    [InlineData("https://botframework.com.attacker.example/", false)]
    [InlineData("https://attacker.example/", false)]
    [InlineData("http://127.0.0.1:8080/internal/", false)]
    [InlineData("http://localhost:3978/", false)]
    [InlineData("http://[::1]:3978/", false)]
    [InlineData("https://10.0.0.5/", false)]
    public void Replies_with_an_app_id_go_only_to_the_bot_connector_hosts(string serviceUrl, bool allowed)
    {
        var policy = Policy(Environments.Production, new BotFrameworkOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "secret" });

        Assert.Equal(allowed, policy.IsAllowed(new Uri(serviceUrl)));
    }

    [Fact]
    public void The_allowed_hosts_are_configurable_and_loopback_is_allowed_only_where_local_mode_is()
    {
        var configured = Policy(Environments.Production, new BotFrameworkOptions { MicrosoftAppId = "app", AllowedServiceUrlHosts = ["connector.clinic.example", "*.partner.example"] });
        var development = Policy(Environments.Development, new BotFrameworkOptions());

        Assert.True(configured.IsAllowed(new Uri("https://connector.clinic.example/")));
        Assert.True(configured.IsAllowed(new Uri("https://eu.partner.example/")));
        Assert.False(configured.IsAllowed(new Uri("https://smba.trafficmanager.net/amer/")));
        Assert.True(development.IsAllowed(new Uri("http://127.0.0.1:56000/")));
        Assert.True(development.IsAllowed(new Uri("http://localhost:56000/")));
        Assert.False(Policy(Environments.Production, new BotFrameworkOptions()).IsAllowed(new Uri("http://127.0.0.1:56000/")));
    }

    [Fact]
    public async Task With_an_app_id_a_reply_to_a_service_url_outside_the_allowed_hosts_is_never_sent()
    {
        var logs = new ConcurrentQueue<string>();
        await using var host = await LoopbackBotHost.StartAsync(
            new MemoryStorage(),
            services => services.AddSingleton<AspNetCore.Authentication.IBotAuthenticator>(new AcceptEverything()),
            new Dictionary<string, string?> { ["MicrosoftAppId"] = "app" },
            environment: Environments.Production);

        using var response = await host.Client.PostAsync(Activities.Message("hello", serviceUrl: _trapUrl, deliveryMode: DeliveryModes.Normal));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_trapped);
    }

    private static ServiceUrlPolicy Policy(string environment, BotFrameworkOptions options) =>
        new(Options.Create(options), new Environment(environment));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    /// <summary>Stands for a valid channel token, so the test reaches the reply.</summary>
    private sealed class AcceptEverything : AspNetCore.Authentication.IBotAuthenticator
    {
        public Task<AspNetCore.Authentication.AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken) =>
            Task.FromResult(AspNetCore.Authentication.AuthenticationOutcome.Anonymous);
    }
}
