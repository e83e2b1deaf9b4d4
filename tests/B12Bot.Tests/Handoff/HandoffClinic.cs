using System.Net;
using System.Net.Http.Json;
using B12Bot.Tests.Support;
using BotRuntime.Schema;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.Tests.Handoff;

/// <summary>
/// The set-up of a handoff test at the protocol level: the clinic's Teams channel played by a fake Bot Connector, the
/// clinic's time (Tuesday 10:00 in New York, inside the default office hours) and the real host with the handoff to that
/// channel and Direct Line for the visitor.
/// </summary>
public sealed class HandoffClinic : IAsyncDisposable
{
    public const string Secret = "handoff-test-direct-line-secret-0123456789";

    private HandoffClinic(FakeTeamsConnector teams) => Teams = teams;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));

    public FakeTeamsConnector Teams { get; }

    public RunningBot Bot { get; private set; } = null!;

    /// <param name="services">More service registrations for the host (a decorated store).</param>
    /// <param name="settings">More settings, after the channel id and the five-minute wait for a taker.</param>
    public static async Task<HandoffClinic> StartAsync(Action<IServiceCollection>? services = null, params string[] settings)
    {
        var clinic = new HandoffClinic(await FakeTeamsConnector.StartAsync());
        clinic.Bot = await clinic.StartBotAsync(services,
            ["--Handoff:TeamsChannelId", TeamsActivities.ClinicChannelId, "--Handoff:WaitForTaker", "00:05:00", .. settings]);
        return clinic;
    }

    /// <summary>Another host on the clinic's time and Direct Line secret (a restart, a second instance); the caller disposes it.</summary>
    public Task<RunningBot> StartBotAsync(Action<IServiceCollection>? services, params string[] settings) =>
        RunningBot.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(Time);
                services?.Invoke(builder.Services);
            },
            ["--DirectLine:Secret", Secret, .. settings]);

    /// <summary>A visitor on the host's Direct Line channel (by default the clinic's host).</summary>
    public Task<DirectLineVisitor> VisitorAsync(RunningBot? bot = null) => DirectLineVisitor.StartAsync((bot ?? Bot).Client, Secret);

    /// <summary>Posts an activity as Teams sends it; the bot must take it (200).</summary>
    public async Task PostTeamsAsync(Activity activity, RunningBot? bot = null)
    {
        using var response = await (bot ?? Bot).Client.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The clinic installs the bot in its team: the bot learns the channel's serviceUrl and tenant.</summary>
    public Task InstallAsync(RunningBot? bot = null) => PostTeamsAsync(TeamsActivities.Install(Teams.ServiceUrl), bot);

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await Teams.DisposeAsync();
    }
}
