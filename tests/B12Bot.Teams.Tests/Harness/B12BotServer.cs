using B12Bot.Hosting;
using Microsoft.Extensions.Logging;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// The real B12Bot host on loopback (<see cref="LoopbackHost"/>), set up the way a developer runs it against the Agents
/// Playground: Development environment, an app id with DisableAuthenticationForLocalEmulator (the playground sends no
/// token and a http://127.0.0.1 serviceUrl), the clinic's tenant as the only allowed tenant, and in-memory state so every
/// test starts from a fresh bot.
/// </summary>
public sealed class B12BotServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private B12BotServer(LoopbackHost host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress;

    public Uri MessagingEndpoint => new(BaseAddress, "/api/messages");

    /// <summary>The host's warnings and errors (level, category, message; never message text), for failure reports.</summary>
    public IReadOnlyList<string> Log => _host.Logs.Entries;

    /// <param name="settings">More settings ("--Key", "value", ...), e.g. the handoff's.</param>
    public static async Task<B12BotServer> StartAsync(CancellationToken cancellationToken, params string[] settings) =>
        new(await LoopbackHost.StartAsync(
            B12BotApplication.Build,
            new LoopbackHostOptions
            {
                Arguments =
                [
                    "--BotState:Provider", "Memory",
                    "--MicrosoftAppId", ClinicTenant.MicrosoftAppId,
                    "--DisableAuthenticationForLocalEmulator", "true",
                    "--AllowedTenants:0", ClinicTenant.TenantId,
                    .. settings,
                ],
                MinimumLogLevel = LogLevel.Warning,
            },
            cancellationToken));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
