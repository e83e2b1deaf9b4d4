using B12Bot.Teams.Tests.Harness;

namespace B12Bot.Teams.Tests;

/// <summary>The emulator runs as the tests assume: the clinic's mock tenant with fixed ids, on loopback only.</summary>
public sealed class PlaygroundSetupTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Playground_emulates_the_clinic_tenant_with_fixed_chats_and_a_team_channel()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var config = await teams.GetConfigAsync();

        Assert.Equal(ClinicTenant.TenantId, config["tenantId"]!.GetValue<string>());
        Assert.True(Guid.TryParse(config["tenantId"]!.GetValue<string>(), out _), "the tenant id must be a real GUID for the allow-list");
        Assert.Equal(ClinicTenant.BotId, config["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(ClinicTenant.BotName, config["bot"]!["name"]!.GetValue<string>());
        Assert.Equal(ClinicTenant.CurrentUserId, config["currentUser"]!["id"]!.GetValue<string>());
        Assert.Equal(ClinicTenant.OtherUserIds, config["users"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()));
        Assert.Equal(ClinicTenant.PersonalChatId, config["personalChat"]!["id"]!.GetValue<string>());
        Assert.Equal(ClinicTenant.GroupChatId, config["groupChats"]![0]!["id"]!.GetValue<string>());
        var team = config["teams"]![0]!;
        Assert.Equal(ClinicTenant.TeamId, team["id"]!.GetValue<string>());
        Assert.Contains(team["channels"]!.AsArray(), c => c!["id"]!.GetValue<string>() == ClinicTenant.InjectionsChannelId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Playground_listens_on_loopback_only()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var listeners = await File.ReadAllLinesAsync("/proc/net/tcp");
        var port = teams.Playground.Port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        var bound = listeners.Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == "0A" && fields[1].EndsWith(":" + port, StringComparison.Ordinal))
            .Select(fields => fields[1])
            .ToList();

        Assert.Equal(["0100007F:" + port], bound);
        Assert.DoesNotContain(File.Exists("/proc/net/tcp6") ? await File.ReadAllLinesAsync("/proc/net/tcp6") : [], line => line.Contains(":" + port + " ", StringComparison.Ordinal) && line.Contains(" 0A ", StringComparison.Ordinal));
    }
}
