using System.Text.Json.Nodes;
using B12Bot.Teams.Tests.Harness;

namespace B12Bot.Teams.Tests;

/// <summary>The bot serves the clinic's Microsoft 365 tenant only.</summary>
public sealed class TenantTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task A_message_from_another_organisations_tenant_is_refused_and_gets_no_reply()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);
        var message = teams.PersonalChatMessage("are b12 shots safe?");
        message["conversation"]!["tenantId"] = ClinicTenant.ForeignTenantId;
        message["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = ClinicTenant.ForeignTenantId } };

        var turn = await teams.SendCustomActivityAsync(message);

        Assert.Equal([403], turn.BotStatusCodes);
        TeamsAssert.Silent(turn);
        Assert.Empty(turn.Replies);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_teams_message_without_a_tenant_is_refused()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);
        var message = teams.PersonalChatMessage("are b12 shots safe?");
        message["conversation"]!.AsObject().Remove("tenantId");
        message.Remove("channelData");

        var turn = await teams.SendCustomActivityAsync(message);

        Assert.Equal([403], turn.BotStatusCodes);
        Assert.Empty(turn.Replies);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_same_message_from_the_clinics_tenant_is_answered()
    {
        // The control for the two refusals above: only the tenant differs.
        await using var teams = await TeamsPlayground.StartAsync(output);

        var turn = await teams.SendCustomActivityAsync(teams.PersonalChatMessage("are b12 shots safe?"));

        TeamsAssert.Accepted(turn);
        var answer = turn.Messages[0];
        TeamsAssert.ShowsInChat(answer, ClinicTenant.PersonalChatId);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.FaqAnswer("safety")), answer);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_foreign_tenant_cannot_install_the_bot_or_get_a_welcome()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);
        var install = teams.PersonalChatMessage(string.Empty);
        install.Remove("text");
        install.Remove("textFormat");
        install["type"] = "conversationUpdate";
        install["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = ClinicTenant.CurrentUserId },
            new JsonObject { ["id"] = ClinicTenant.BotId });
        install["conversation"]!["tenantId"] = ClinicTenant.ForeignTenantId;
        install["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = ClinicTenant.ForeignTenantId } };

        var turn = await teams.SendCustomActivityAsync(install);

        Assert.Equal([403], turn.BotStatusCodes);
        Assert.Empty(turn.Replies);
    }
}
