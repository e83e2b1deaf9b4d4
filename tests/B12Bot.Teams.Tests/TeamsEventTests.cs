using B12Bot.Teams.Tests.Harness;

namespace B12Bot.Teams.Tests;

/// <summary>
/// Teams events around the conversations, as the playground's "Mock an Activity" menu sends them. Teams' guidance: in
/// a team or group chat introduce the bot once, when the bot itself is added; never greet each new member; answer every
/// event (even unknown ones) with 200.
/// </summary>
public sealed class TeamsEventTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Adding_the_bot_to_the_team_introduces_it_once_in_the_channel_and_new_members_are_not_greeted()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var botAdded = await teams.SendCustomActivityAsync(await teams.MockActivityAsync(ClinicTenant.TeamId, "botAdded"));

        TeamsAssert.Accepted(botAdded);
        var introduction = Assert.Single(botAdded.Messages, m => m.Text.Length > 0);
        TeamsAssert.ShowsInChat(introduction, ClinicTenant.TeamId);
        Assert.Contains("automated", introduction.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a clinician", ClinicContent.Normalize(introduction.Text), StringComparison.OrdinalIgnoreCase);

        var userAdded = await teams.SendCustomActivityAsync(await teams.MockActivityAsync(ClinicTenant.TeamId, "userAdded"));
        var renamed = await teams.SendCustomActivityAsync(await teams.MockActivityAsync(ClinicTenant.TeamId, "channelRenamed"));

        TeamsAssert.Accepted(userAdded);
        TeamsAssert.Silent(userAdded);
        TeamsAssert.Accepted(renamed);
        TeamsAssert.Silent(renamed);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_member_joining_a_team_the_bot_is_already_in_is_not_greeted()
    {
        // The bot was installed earlier (before this host's state): someone joining later hears nothing from it.
        await using var teams = await TeamsPlayground.StartAsync(output);

        var userAdded = await teams.SendCustomActivityAsync(await teams.MockActivityAsync(ClinicTenant.TeamId, "userAdded"));

        TeamsAssert.Accepted(userAdded);
        TeamsAssert.Silent(userAdded);
    }

    [Fact(Timeout = 60_000)]
    public async Task Adding_the_bot_to_a_group_chat_introduces_it_once_and_new_members_are_not_greeted()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var botAdded = await teams.SendCustomActivityAsync(await teams.MockActivityAsync(ClinicTenant.GroupChatId, "botAdded"));
        var userAdded = await teams.SendCustomActivityAsync(await teams.MockActivityAsync(ClinicTenant.GroupChatId, "userAdded"));

        TeamsAssert.Accepted(botAdded);
        var introduction = Assert.Single(botAdded.Messages, m => m.Text.Length > 0);
        TeamsAssert.ShowsInChat(introduction, ClinicTenant.GroupChatId);
        Assert.Contains("automated", introduction.Text, StringComparison.OrdinalIgnoreCase);
        TeamsAssert.Accepted(userAdded);
        TeamsAssert.Silent(userAdded);
    }

    [Fact(Timeout = 60_000)]
    public async Task Uninstalling_from_the_personal_chat_is_acknowledged_without_a_message()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var uninstall = await teams.SendCustomActivityAsync(await teams.MockActivityAsync(ClinicTenant.PersonalChatId, "uninstall"));

        TeamsAssert.Accepted(uninstall);
        TeamsAssert.Silent(uninstall);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_reaction_to_a_bot_message_is_acknowledged_without_a_message()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);
        var answer = (await teams.SendAsync(ClinicTenant.PersonalChatId, "are b12 shots safe?")).Messages[0];
        var reaction = teams.PersonalChatMessage(string.Empty);
        reaction.Remove("text");
        reaction.Remove("textFormat");
        reaction["type"] = "messageReaction";
        reaction["replyToId"] = answer.Rendered!.MessageId;
        reaction["reactionsAdded"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "like" });

        var turn = await teams.SendCustomActivityAsync(reaction);

        TeamsAssert.Accepted(turn);
        TeamsAssert.Silent(turn);
    }
}
