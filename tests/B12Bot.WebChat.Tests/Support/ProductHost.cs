using B12Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace B12Bot.WebChat.Tests.Support;

/// <summary>
/// The real B12Bot application on loopback (<see cref="LoopbackHost"/>) as it runs in Production, serving the page from
/// src/B12Bot/wwwroot, with in-memory state so every test starts fresh.
/// </summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private ProductHost(LoopbackHost host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The host's warnings and errors ("Level Category: message ..."), for failure messages.</summary>
    public IReadOnlyList<string> Log => _host.Logs.Entries;

    public IServiceProvider Services => _host.Services;

    /// <param name="settings">Configuration overrides (keys like "DirectLine:AllowedOrigins:0").</param>
    public static async Task<ProductHost> StartAsync(Dictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        // Production needs the public address up front, so the port is chosen before the host starts.
        var port = FreePort.Next();
        List<string> arguments =
        [
            "--contentRoot", RepositoryPaths.HostProject,
            "--DirectLine:PublicBaseUrl", $"http://127.0.0.1:{port}",
            "--BotState:Provider", "Memory",
        ];
        foreach (var (key, value) in settings ?? [])
        {
            arguments.Add("--" + key);
            arguments.Add(value ?? string.Empty);
        }

        return new ProductHost(await LoopbackHost.StartAsync(B12BotApplication.Build, new LoopbackHostOptions
        {
            Environment = "Production",
            Port = port,
            Arguments = arguments,
            MinimumLogLevel = LogLevel.Warning,
            Configure = configure,
        }));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
